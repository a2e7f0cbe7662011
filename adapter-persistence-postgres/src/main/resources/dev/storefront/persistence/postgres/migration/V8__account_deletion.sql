-- Account deletion: the meaning of SQLite's V18. A deleted account stays as a tombstone row that its
-- orders refer to, with 'deleted:<id>' as username, username_key and email, a password hash that
-- never verifies and deleted_at (epoch milliseconds) set; no finder reads it.
ALTER TABLE user_account ADD COLUMN deleted_at BIGINT;
