-- What a user's row says about the account's security: the meaning of SQLite's V14 (email verified,
-- a pending email change, TOTP on, the number of passkeys). PostgreSQL has no account_version
-- counter: a change to these fields is published after commit like any other user change.
ALTER TABLE user_account ADD COLUMN email_verified INTEGER NOT NULL DEFAULT 0 CHECK (email_verified IN (0, 1));
ALTER TABLE user_account ADD COLUMN pending_email TEXT COLLATE "C";
ALTER TABLE user_account ADD COLUMN totp_enabled INTEGER NOT NULL DEFAULT 0 CHECK (totp_enabled IN (0, 1));
ALTER TABLE user_account ADD COLUMN passkey_count INTEGER NOT NULL DEFAULT 0 CHECK (passkey_count >= 0);
