-- The second factor: the meaning of SQLite's V16 (TOTP credentials with their replay guard,
-- recovery-code digests, sessions pending a second factor).
CREATE TABLE totp_credential (
    user_id        BIGINT PRIMARY KEY REFERENCES user_account (id) ON DELETE CASCADE,
    sealed_secret  TEXT COLLATE "C" NOT NULL,
    confirmed      INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
    last_used_step BIGINT NOT NULL DEFAULT 0,
    created_at     BIGINT NOT NULL
);

CREATE TABLE recovery_code (
    user_id   BIGINT NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    code_hash TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (user_id, code_hash)
);

ALTER TABLE user_session ADD COLUMN second_factor_pending INTEGER NOT NULL DEFAULT 0
    CHECK (second_factor_pending IN (0, 1));
ALTER TABLE user_session ADD COLUMN guest_token_hash TEXT COLLATE "C";
