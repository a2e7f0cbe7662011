-- Email verification tokens: the meaning of SQLite's V15 (one live token per user, by the primary
-- key; only the SHA-256 of the mailed token; the address it confirms).
CREATE TABLE email_verification_token (
    user_id    BIGINT PRIMARY KEY REFERENCES user_account (id) ON DELETE CASCADE,
    token_hash TEXT COLLATE "C" NOT NULL UNIQUE,    -- SHA-256 of the token that was mailed
    email      TEXT COLLATE "C" NOT NULL,           -- the address the token confirms
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX email_verification_token_expires ON email_verification_token (expires_at);
