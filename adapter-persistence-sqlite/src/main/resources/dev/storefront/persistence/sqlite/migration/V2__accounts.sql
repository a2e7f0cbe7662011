-- Accounts: users, server-side sessions, password reset tokens. Times are epoch milliseconds (UTC).
-- Secrets (session ids, reset tokens) are never stored: only their SHA-256, in hex.

CREATE TABLE user_account (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    username      TEXT    NOT NULL,
    username_key  TEXT    NOT NULL UNIQUE,          -- lower-case username: unique case-insensitively
    email         TEXT    NOT NULL UNIQUE,          -- stored trimmed and lower-cased
    password_hash TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('CUSTOMER', 'ADMIN')),
    created_at    INTEGER NOT NULL,
    last_login_at INTEGER
);

CREATE TABLE user_session (
    token_hash   TEXT    PRIMARY KEY,               -- SHA-256 of the SID cookie value
    handle       TEXT    NOT NULL UNIQUE,           -- public id for listing and revoking
    user_id      INTEGER REFERENCES user_account (id) ON DELETE CASCADE, -- NULL: a guest session
    user_agent   TEXT,
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at   INTEGER NOT NULL
);
CREATE INDEX user_session_user ON user_session (user_id);
CREATE INDEX user_session_expires ON user_session (expires_at);
CREATE INDEX user_session_last_seen ON user_session (last_seen_at);

CREATE TABLE password_reset_token (
    token_hash TEXT    PRIMARY KEY,                 -- SHA-256 of the token that was mailed
    user_id    INTEGER NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX password_reset_token_user ON password_reset_token (user_id);
CREATE INDEX password_reset_token_expires ON password_reset_token (expires_at);
