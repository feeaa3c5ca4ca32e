-- The App Home, /review list and the weekly digest: indexes for their lookups, and the digests already claimed.
-- A digest is claimed for its channel and week by inserting a row here in the same transaction that queues its
-- delivery in the outbox, so that each week's digest goes out once however many instances run or restart.
-- A digest belongs to no session: its outbox rows have no session_id, and go out one after another like the
-- deliveries of one session (the outbox groups by session_id, and NULLs form one group).
-- Portable SQL: runs on H2 and PostgreSQL alike.

CREATE TABLE digests (
    channel    VARCHAR(32) NOT NULL,
    week       DATE        NOT NULL,
    period_end TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT digests_pk PRIMARY KEY (channel, week)
);

ALTER TABLE outbox ALTER COLUMN session_id DROP NOT NULL;

-- /review list: the open sessions of one channel, newest first.
CREATE INDEX sessions_channel_status ON sessions (channel, status, started_at);

-- The App Home: sessions started, and finished, in a workspace in a period; the most recently finished. (The weekly
-- digest reads the same columns across workspaces; once a week, it can afford to.)
CREATE INDEX sessions_started ON sessions (workspace, started_at);

CREATE INDEX sessions_finished ON sessions (workspace, finished_at);

-- The feelings named in a period.
CREATE INDEX contributions_step_written ON contributions (step, written_at);
