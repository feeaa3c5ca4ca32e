-- /review list reads a channel's open sessions of the workspace the command came from: the index leads with the
-- workspace, so that a request from one workspace never walks another's rows (a channel shared between workspaces
-- through Slack Connect has one id in both).
-- Portable SQL: runs on H2 and PostgreSQL alike.

DROP INDEX sessions_channel_status;

CREATE INDEX sessions_channel_status ON sessions (workspace, channel, status, started_at);
