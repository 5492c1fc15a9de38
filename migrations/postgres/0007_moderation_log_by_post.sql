-- The moderation log looked up by post: what was done to one post. Without an index each
-- such lookup reads the whole log, which only grows (and on PostgreSQL the foreign key to
-- posts has no index of its own). Kept in step with
-- migrations/sqlite/0007_moderation_log_by_post.sql.

create index moderation_actions_target_post on moderation_actions (target_post_id);
