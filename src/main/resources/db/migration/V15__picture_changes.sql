-- The App Home's picture of the month is kept in two parts on each instance: the earlier days, counted once, and
-- today, counted again each minute. New sessions and lines land on the day they come, so the earlier days' counts stay
-- true until something already counted is taken back: a session deleted (`/review delete`, retention, or a thread that
-- could not open) or a line changed or removed. Each of those adds one to its workspace's row here, in the same
-- transaction; an instance that finds the number moved counts the earlier days again.
-- Portable SQL: runs on H2 and PostgreSQL alike.

CREATE TABLE picture_changes (
    workspace VARCHAR(32) PRIMARY KEY,
    changes   BIGINT      NOT NULL
);
