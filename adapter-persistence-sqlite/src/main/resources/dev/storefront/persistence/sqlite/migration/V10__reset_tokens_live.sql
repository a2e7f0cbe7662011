-- Reset tokens, amended 2026-12-01: up to 3 are live for an account at once (issuing a fourth drops
-- the oldest), so they are looked up by user and creation time. And a request for an unknown email
-- must cost what a known one costs (no enumeration by timing): it inserts a decoy row with user_id
-- NULL and deletes it again in the same transaction, so both write the same pages; a decoy is never
-- committed. SQLite cannot drop a NOT NULL in place: the table is rebuilt.
CREATE TABLE password_reset_token_v10 (
    token_hash TEXT    PRIMARY KEY,                 -- SHA-256 of the token that was mailed
    user_id    INTEGER REFERENCES user_account (id) ON DELETE CASCADE, -- NULL: a decoy, inside one transaction only
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
INSERT INTO password_reset_token_v10 (token_hash, user_id, created_at, expires_at)
    SELECT token_hash, user_id, created_at, expires_at FROM password_reset_token ORDER BY created_at;
DROP TABLE password_reset_token;
ALTER TABLE password_reset_token_v10 RENAME TO password_reset_token;
CREATE INDEX password_reset_token_user ON password_reset_token (user_id, created_at);
CREATE INDEX password_reset_token_expires ON password_reset_token (expires_at);
