-- A counter that moves on whenever a session ends or changes, or a user's name, email, password or
-- role changes, whoever makes the change (this server, grant-admin in another process, a host
-- application's own SQL): the session cache compares it now and then and drops what it holds when
-- it moved. Touching a session (last_seen_at) and recording a login (last_login_at) do not move it:
-- they change nothing a cached session is trusted for, and happen on many requests.
CREATE TABLE account_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);

INSERT INTO account_version (id, version) VALUES (1, 0);

CREATE TRIGGER user_session_deleted_account_version AFTER DELETE ON user_session
BEGIN
    UPDATE account_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER user_session_updated_account_version
    AFTER UPDATE OF token_hash, handle, user_id, user_agent, created_at, expires_at ON user_session
BEGIN
    UPDATE account_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER user_account_updated_account_version AFTER UPDATE ON user_account
    WHEN OLD.id IS NOT NEW.id OR OLD.username IS NOT NEW.username OR OLD.email IS NOT NEW.email
        OR OLD.password_hash IS NOT NEW.password_hash OR OLD.role IS NOT NEW.role
BEGIN
    UPDATE account_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER user_account_deleted_account_version AFTER DELETE ON user_account
BEGIN
    UPDATE account_version SET version = version + 1 WHERE id = 1;
END;
