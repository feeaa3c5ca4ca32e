-- Installing to many workspaces (OAuth v2): each workspace's installation with its bot token, the OAuth state values
-- handed out at /slack/install, and the settings each office chose for itself.
-- One installation per workspace: a reinstall replaces the row. Team-level installs only: an org-wide Enterprise Grid
-- install (no workspace) is refused before it reaches this table.
-- A state is used up by deleting its row (DELETE ... WHERE state = ? AND expires_at > ?), so that exactly one
-- instance finishes an install however many share the database; expired rows are swept by expires_at.
-- Managers are kept as one comma-separated list of user and user group ids: they are read and written together.
-- Portable SQL: runs on H2 and PostgreSQL alike.

CREATE TABLE installations (
    workspace    VARCHAR(32)   NOT NULL,
    enterprise   VARCHAR(32),
    bot_token    VARCHAR(512)  NOT NULL,
    bot_user_id  VARCHAR(32),
    bot_id       VARCHAR(32),
    scopes       VARCHAR(4000),
    installer    VARCHAR(32),
    installed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT installations_pk PRIMARY KEY (workspace)
);

CREATE TABLE oauth_states (
    state      VARCHAR(255) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT oauth_states_pk PRIMARY KEY (state)
);

CREATE INDEX oauth_states_expiry ON oauth_states (expires_at);

CREATE TABLE office_settings (
    workspace       VARCHAR(32)   NOT NULL,
    summary_channel VARCHAR(32),
    managers        VARCHAR(4000) NOT NULL,
    practice        VARCHAR(16)   NOT NULL,
    changed_by      VARCHAR(32),
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT office_settings_pk PRIMARY KEY (workspace)
);
