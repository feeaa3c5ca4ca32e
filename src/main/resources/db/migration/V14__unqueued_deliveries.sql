-- A reaction that marks a contribution waits in no queue: it goes whatever the session's other messages are doing, as
-- a reaction on a line already in the thread needs no order. Such a delivery has no session_id, so its entry in
-- outbox_queue (session_id, status, id) lands beside the previous one, at the end of the entries without a session,
-- not inside its session's entries anywhere in the index. about_session says which session it marks a line of: the
-- courier needs it to send, and deleting a session looks for it without an index (the outbox holds only what is
-- still owed). Digests have neither.
-- Portable SQL: runs on H2 and PostgreSQL alike.

ALTER TABLE outbox ADD COLUMN about_session BIGINT;
