-- The courier claims what is due without looking at what waits: an index of pending deliveries by when they are due,
-- walked in order until enough sessions' oldest deliveries are found. Before, every claim grouped the whole outbox by
-- session, so a backlog of thousands of messages waiting for a busy channel's pace slowed every claim.
-- Portable SQL: runs on H2 and PostgreSQL alike.

CREATE INDEX outbox_due ON outbox (status, not_before, id);

-- Whether a delivery is its session's turn: a look at the same session's older rows.
CREATE INDEX outbox_session ON outbox (session_id, id);
