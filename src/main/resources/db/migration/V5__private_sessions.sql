-- A private session runs in a direct message with its starter; it is shared with the team only when they choose,
-- into this channel (the one /review private was typed in).

ALTER TABLE sessions ADD COLUMN share_channel VARCHAR(32);
