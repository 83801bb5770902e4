-- A vote code locked by wrong tries unlocks by itself after a while, so a stranger who tries
-- wrong codes cannot keep an owner from voting for the whole vote period.
ALTER TABLE gl_topic_voter ADD COLUMN last_failed_at TIMESTAMP;
