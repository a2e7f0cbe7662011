-- Passkeys (issue 9). Times are epoch milliseconds. Nothing here is a secret: a passkey row holds
-- the public key, a challenge is shown to the browser; what matters is that a challenge is used once.

-- The WebAuthn user handle of each user who asked to register a passkey: random (never the row id),
-- stable, and the key a discoverable login is mapped back to its user with.
CREATE TABLE passkey_user_handle (
    user_id INTEGER PRIMARY KEY REFERENCES user_account (id) ON DELETE CASCADE,
    handle  TEXT    NOT NULL UNIQUE
);

CREATE TABLE passkey (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id         INTEGER NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    credential_id   TEXT    NOT NULL UNIQUE,          -- base64url, as the authenticator names it
    credential_data TEXT    NOT NULL,                 -- the attested credential data (public key), base64url
    sign_count      INTEGER NOT NULL CHECK (sign_count >= 0),
    name            TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    last_used_at    INTEGER
);
CREATE INDEX passkey_user ON passkey (user_id);

-- At most one live challenge per session and purpose; swept once expired.
CREATE TABLE passkey_challenge (
    session_handle TEXT    NOT NULL,
    purpose        TEXT    NOT NULL CHECK (purpose IN ('registration', 'login')),
    challenge      TEXT    NOT NULL,
    expires_at     INTEGER NOT NULL,
    PRIMARY KEY (session_handle, purpose)
);
CREATE INDEX passkey_challenge_expires ON passkey_challenge (expires_at);
