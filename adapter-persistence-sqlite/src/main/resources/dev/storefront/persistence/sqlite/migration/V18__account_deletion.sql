-- Account deletion (issue 9): orders keep referring to the user (orders.user_id is NOT NULL, V5), so a
-- deleted account stays as a tombstone row: username, username_key and email become 'deleted:<id>'
-- (a colon is valid in neither, so it never collides with a real account and frees the real ones at
-- once), the password hash one that never verifies, every other field reset, and deleted_at set.
-- No finder reads a row whose deleted_at is set. Rebuilding orders under foreign_keys=ON instead
-- would be a table copy of the shop's accounting records: not worth the risk.
ALTER TABLE user_account ADD COLUMN deleted_at INTEGER;
