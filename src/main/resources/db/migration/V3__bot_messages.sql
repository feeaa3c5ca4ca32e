-- The messages the bot posted for a session, so that deleting a session can remove them from Slack too.

CREATE TABLE bot_messages (
    session_id BIGINT      NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    channel    VARCHAR(32) NOT NULL,
    message_id VARCHAR(32) NOT NULL,
    CONSTRAINT bot_messages_pk PRIMARY KEY (channel, message_id)
);

CREATE INDEX bot_messages_session ON bot_messages (session_id);

CREATE INDEX sessions_channel ON sessions (channel, started_at);
