-- The login throttle and the rate limiters, shared by every instance on the database (JdbiLoginThrottle,
-- JdbiRateLimiter): the meaning of SQLite's V12. Times are BIGINT epoch milliseconds, text COLLATE "C"
-- as in V1. forget_at is when a row stops mattering (its chain quiet for 15 minutes, its block and
-- lease over, its window ended): the sweeper deletes from there.

-- Failures per account across all addresses.
CREATE TABLE login_throttle_account (
    account       TEXT COLLATE "C" PRIMARY KEY,
    failures      INTEGER NOT NULL,
    last_failure  BIGINT  NOT NULL,
    blocked_until BIGINT  NOT NULL,
    forget_at     BIGINT  NOT NULL
);
CREATE INDEX login_throttle_account_forget ON login_throttle_account (forget_at);

-- Failures per client address, in a window that starts with its first failure.
CREATE TABLE login_throttle_address (
    address      TEXT COLLATE "C" PRIMARY KEY,
    failures     INTEGER NOT NULL,
    window_start BIGINT  NOT NULL,
    forget_at    BIGINT  NOT NULL
);
CREATE INDEX login_throttle_address_forget ON login_throttle_address (forget_at);

-- Failures per account and address, and the attempt being checked (lease_until: 0 when none).
CREATE TABLE login_throttle_attempt (
    account       TEXT COLLATE "C" NOT NULL,
    address       TEXT COLLATE "C" NOT NULL,
    failures      INTEGER NOT NULL,
    last_failure  BIGINT  NOT NULL,
    blocked_until BIGINT  NOT NULL,
    lease_until   BIGINT  NOT NULL,
    forget_at     BIGINT  NOT NULL,
    PRIMARY KEY (account, address)
);
CREATE INDEX login_throttle_attempt_address ON login_throttle_attempt (address, lease_until);
CREATE INDEX login_throttle_attempt_forget ON login_throttle_attempt (forget_at);

-- Events per purpose (registrations, guest sessions, ...) and key, in a window that starts with its
-- first event and ends at forget_at.
CREATE TABLE rate_limit_window (
    purpose      TEXT COLLATE "C" NOT NULL,
    counted_key  TEXT COLLATE "C" NOT NULL,
    window_start BIGINT  NOT NULL,
    events       INTEGER NOT NULL,
    forget_at    BIGINT  NOT NULL,
    PRIMARY KEY (purpose, counted_key)
);
CREATE INDEX rate_limit_window_forget ON rate_limit_window (forget_at);
