-- A requestId is a client's key for one report on one channel: unique per channel (not across
-- all channels), and bound to the report it came with by the hash of its normalised JSON, so that
-- the same key with another body is refused instead of answered with someone else's case.
-- Cases stored before have no hash: their key is refused to every replay (H2 2.x and PostgreSQL 15).
DROP INDEX gl_case_request_ux;
ALTER TABLE gl_case ADD COLUMN request_hash VARCHAR(64);
CREATE UNIQUE INDEX gl_case_channel_request_ux ON gl_case (channel, request_id);
