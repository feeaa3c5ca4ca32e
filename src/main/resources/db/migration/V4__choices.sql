-- The thought the team picked as the one that stings most, and how believable they rated their new thought.

ALTER TABLE sessions ADD COLUMN chosen_thought VARCHAR(32);

ALTER TABLE sessions ADD COLUMN believability SMALLINT;
