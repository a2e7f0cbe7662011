-- What a user's row says about the account's security (issue 9): whether the email is verified, an
-- email change waiting for its confirmation (not unique: the confirmation checks the address is
-- still free), whether TOTP is on and how many passkeys there are. The last two are kept here, in
-- the same transaction as the enrolment or passkey they count, so a session lookup shows them
-- without another query. Existing accounts start unverified.
ALTER TABLE user_account ADD COLUMN email_verified INTEGER NOT NULL DEFAULT 0 CHECK (email_verified IN (0, 1));
ALTER TABLE user_account ADD COLUMN pending_email TEXT;
ALTER TABLE user_account ADD COLUMN totp_enabled INTEGER NOT NULL DEFAULT 0 CHECK (totp_enabled IN (0, 1));
ALTER TABLE user_account ADD COLUMN passkey_count INTEGER NOT NULL DEFAULT 0 CHECK (passkey_count >= 0);

-- A cached session carries its user, so these fields now move the account version too (V8).
DROP TRIGGER user_account_updated_account_version;
CREATE TRIGGER user_account_updated_account_version AFTER UPDATE ON user_account
    WHEN OLD.id IS NOT NEW.id OR OLD.username IS NOT NEW.username OR OLD.email IS NOT NEW.email
        OR OLD.password_hash IS NOT NEW.password_hash OR OLD.role IS NOT NEW.role
        OR OLD.email_verified IS NOT NEW.email_verified OR OLD.pending_email IS NOT NEW.pending_email
        OR OLD.totp_enabled IS NOT NEW.totp_enabled OR OLD.passkey_count IS NOT NEW.passkey_count
BEGIN
    UPDATE account_version SET version = version + 1 WHERE id = 1;
END;
