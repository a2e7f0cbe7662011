-- Email verification tokens (issue 9): one live token per user (the primary key: a new one replaces
-- the older, so a superseded link stops working), stored only as the SHA-256 of the mailed token,
-- with the address it was mailed to (it confirms that address only).
CREATE TABLE email_verification_token (
    user_id    INTEGER PRIMARY KEY REFERENCES user_account (id) ON DELETE CASCADE,
    token_hash TEXT    NOT NULL UNIQUE,             -- SHA-256 of the token that was mailed
    email      TEXT    NOT NULL,                    -- the address the token confirms
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX email_verification_token_expires ON email_verification_token (expires_at);
