-- How many identity values the database hands out before it writes down where it has got to.
-- H2 writes an identity's next value into its own metadata, and that write is a commit of its own: on H2 (WRITE_DELAY=0)
-- a write to its file. With H2's default of 32, every 32nd contribution and every 32nd owed message paid for one more
-- file write on the committing thread, about as many as the group commits themselves. H2 gets 1,000: a process killed
-- skips at most that many ids, and ids stay in the order rows were written, since H2 keeps one counter for everyone.
-- PostgreSQL keeps its default of 1: its cache belongs to each connection, so rows written one after another through
-- two connections could get ids out of order, and a session's owed messages go in the order of their ids.
-- Portable SQL: runs on H2 and PostgreSQL alike; Database.migrate sets identity_cache for each.

ALTER TABLE sessions ALTER COLUMN id SET CACHE ${identity_cache};

ALTER TABLE contributions ALTER COLUMN id SET CACHE ${identity_cache};

ALTER TABLE outbox ALTER COLUMN id SET CACHE ${identity_cache};

ALTER TABLE action_items ALTER COLUMN id SET CACHE ${identity_cache};
