-- The second factor (issue 9): a user's TOTP credential and recovery codes, and logins that still
-- owe their second factor.
--
-- The secret is sealed (AES-256-GCM, the user's id as associated data: see docs/persistence.md);
-- last_used_step is the replay guard, moved only forward by a conditional UPDATE whose row count
-- decides which of two uses of one code wins.
CREATE TABLE totp_credential (
    user_id        INTEGER PRIMARY KEY REFERENCES user_account (id) ON DELETE CASCADE,
    sealed_secret  TEXT    NOT NULL,
    confirmed      INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
    last_used_step INTEGER NOT NULL DEFAULT 0,
    created_at     INTEGER NOT NULL
);

-- SHA-256 (hex) of each unused recovery code's normal form; a use deletes its row.
CREATE TABLE recovery_code (
    user_id   INTEGER NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    code_hash TEXT    NOT NULL,
    PRIMARY KEY (user_id, code_hash)
);

-- A session after a correct password for a user with TOTP on: grants nothing but the second step.
-- guest_token_hash is the guest session (and cart) the completed login takes over.
ALTER TABLE user_session ADD COLUMN second_factor_pending INTEGER NOT NULL DEFAULT 0
    CHECK (second_factor_pending IN (0, 1));
ALTER TABLE user_session ADD COLUMN guest_token_hash TEXT;
