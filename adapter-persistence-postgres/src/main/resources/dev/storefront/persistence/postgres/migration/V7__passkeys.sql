-- Passkeys: the meaning of SQLite's V17 (user handles, passkeys, challenges bound to a session).
CREATE TABLE passkey_user_handle (
    user_id BIGINT PRIMARY KEY REFERENCES user_account (id) ON DELETE CASCADE,
    handle  TEXT COLLATE "C" NOT NULL UNIQUE
);

CREATE TABLE passkey (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id         BIGINT NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    credential_id   TEXT COLLATE "C" NOT NULL UNIQUE,
    credential_data TEXT COLLATE "C" NOT NULL,
    sign_count      BIGINT NOT NULL CHECK (sign_count >= 0),
    name            TEXT COLLATE "C" NOT NULL,
    created_at      BIGINT NOT NULL,
    last_used_at    BIGINT
);
CREATE INDEX passkey_user ON passkey (user_id);

CREATE TABLE passkey_challenge (
    session_handle TEXT COLLATE "C" NOT NULL,
    purpose        TEXT COLLATE "C" NOT NULL CHECK (purpose IN ('registration', 'login')),
    challenge      TEXT COLLATE "C" NOT NULL,
    expires_at     BIGINT NOT NULL,
    PRIMARY KEY (session_handle, purpose)
);
CREATE INDEX passkey_challenge_expires ON passkey_challenge (expires_at);
