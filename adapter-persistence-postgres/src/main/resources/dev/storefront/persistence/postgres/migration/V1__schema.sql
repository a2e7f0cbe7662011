-- The Storefront schema on PostgreSQL (15 or later): the meaning of the SQLite migrations V1..V11 of
-- adapter-persistence in one script, with the same table and column names, so the neutral
-- repositories' SQL runs on both engines. It has no $$ bodies and no semicolon in a comment, so it
-- runs whole (one execute) or split by JDBI's script parser alike.
--
-- What differs from SQLite, and why:
-- - Times are BIGINT epoch milliseconds (UTC), ids BIGINT identities, money BIGINT minor units.
--   No statement of the application inserts an id, so identities are GENERATED ALWAYS.
-- - Flags the queries compare with 0/1 (active, in_stock, ready) stay INTEGER 0/1.
--   catalog_import_row.active is BOOLEAN because the application binds a Java Boolean to it.
-- - Every TEXT column is COLLATE "C": byte (code point) order and equality, as SQLite's default
--   BINARY collation, whatever collation the database was created with. lower() under "C" folds
--   ASCII letters only, exactly as SQLite's NOCASE does, so lower(x) orders like x COLLATE NOCASE.
-- - in_stock is a generated column instead of V9's triggers. It changes only when the stock
--   crosses zero, so a sale that leaves stock above zero updates no indexed column (a HOT update).
-- - No catalog_version / account_version counters (V7, V8): every product write would serialise on
--   one row and deadlock checkouts. The application sends NOTIFY after commit instead.
-- - password_reset_token has a rowid identity: SQLite's implicit rowid is the tie-break that drops
--   tokens issued in the same millisecond in the order they were issued (V10), and the shared SQL
--   names it.
-- - The bookkeeping table (schema_version) is created by the migrator, not here.

-- Store-wide settings that must not change under existing data (for example the currency that
-- every stored amount of minor units is in). Written by the application on first start.
CREATE TABLE store_setting (
    name  TEXT COLLATE "C" PRIMARY KEY,
    value TEXT COLLATE "C" NOT NULL
);

-- Accounts: users, server-side sessions, password reset tokens.
-- Secrets (session ids, reset tokens) are never stored: only their SHA-256, in hex.
CREATE TABLE user_account (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username      TEXT COLLATE "C" NOT NULL,
    username_key  TEXT COLLATE "C" NOT NULL UNIQUE,  -- lower-case username: unique case-insensitively
    email         TEXT COLLATE "C" NOT NULL UNIQUE,  -- stored trimmed and lower-cased
    password_hash TEXT COLLATE "C" NOT NULL,
    role          TEXT COLLATE "C" NOT NULL CHECK (role IN ('CUSTOMER', 'ADMIN')),
    created_at    BIGINT NOT NULL,
    last_login_at BIGINT
);

CREATE TABLE user_session (
    token_hash   TEXT COLLATE "C" PRIMARY KEY,       -- SHA-256 of the SID cookie value
    handle       TEXT COLLATE "C" NOT NULL UNIQUE,   -- public id for listing and revoking
    user_id      BIGINT REFERENCES user_account (id) ON DELETE CASCADE, -- NULL: a guest session
    user_agent   TEXT COLLATE "C",
    created_at   BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);
CREATE INDEX user_session_user ON user_session (user_id);
CREATE INDEX user_session_expires ON user_session (expires_at);
CREATE INDEX user_session_last_seen ON user_session (last_seen_at);

-- Up to 3 live per account (issuing a fourth drops the oldest). A request for an unknown email
-- inserts a decoy (user_id NULL) and deletes it in the same transaction: a decoy is never committed.
CREATE TABLE password_reset_token (
    token_hash TEXT COLLATE "C" PRIMARY KEY,         -- SHA-256 of the token that was mailed
    user_id    BIGINT REFERENCES user_account (id) ON DELETE CASCADE, -- NULL: a decoy, inside one transaction only
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    rowid      BIGINT GENERATED ALWAYS AS IDENTITY NOT NULL  -- issue order, as SQLite's implicit rowid
);
CREATE INDEX password_reset_token_user ON password_reset_token (user_id, created_at, rowid);
CREATE INDEX password_reset_token_expires ON password_reset_token (expires_at);

-- The product catalog. Products are never deleted (orders refer to them): "deleting" one clears active.
-- fillfactor leaves room on each page so that a stock update can stay on its page (HOT).
CREATE TABLE product (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- never reused
    sku         TEXT COLLATE "C" NOT NULL,                  -- unique regardless of (ASCII) case
    name        TEXT COLLATE "C" NOT NULL,
    description TEXT COLLATE "C" NOT NULL DEFAULT '',
    category    TEXT COLLATE "C" NOT NULL,
    price_minor BIGINT  NOT NULL CHECK (price_minor >= 0),
    stock       INTEGER NOT NULL CHECK (stock >= 0),        -- a checkout takes stock with
                                                            -- "SET stock = stock - :n WHERE id = :id AND stock >= :n"
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  BIGINT  NOT NULL,
    -- lower-cased (by the application, Unicode-aware) name and description for case-insensitive
    -- text search; kept in step with name and description on every write
    search_text TEXT COLLATE "C" NOT NULL,
    in_stock    INTEGER NOT NULL GENERATED ALWAYS AS (CASE WHEN stock > 0 THEN 1 ELSE 0 END) STORED
) WITH (fillfactor = 90);

-- SQLite: sku COLLATE NOCASE (column and unique index). Sku is ASCII by construction.
CREATE UNIQUE INDEX product_sku_unique ON product (lower(sku COLLATE "C"));

-- The shop only ever lists active products, so the listing indexes are partial (WHERE active = 1):
-- one per sort order, and the same again behind the category for the category filter. With the id
-- as the last key column, "ORDER BY <sort>, id LIMIT/OFFSET" walks an index and never sorts. The
-- price and the in-stock flag are carried (INCLUDE) so a price band, "in stock" and COUNT(*) are
-- checked in the index entry (index-only) instead of in the table row (V6, V9).
-- The name order is lower(name COLLATE "C"): ASCII case folded, byte order, as SQLite's NOCASE.
CREATE INDEX product_active_by_name      ON product (lower(name COLLATE "C"), id) INCLUDE (price_minor, in_stock) WHERE active = 1;
CREATE INDEX product_active_by_price     ON product (price_minor, id)              INCLUDE (in_stock)              WHERE active = 1;
CREATE INDEX product_active_by_created   ON product (created_at, id)               INCLUDE (price_minor, in_stock) WHERE active = 1;
CREATE INDEX product_category_by_name    ON product (category, lower(name COLLATE "C"), id) INCLUDE (price_minor, in_stock) WHERE active = 1;
CREATE INDEX product_category_by_price   ON product (category, price_minor, id)              INCLUDE (in_stock)              WHERE active = 1;
CREATE INDEX product_category_by_created ON product (category, created_at, id)               INCLUDE (price_minor, in_stock) WHERE active = 1;

-- Carts: one row per product per owner. An owner is a user (a saved cart that survives logout,
-- devices and restarts) or a guest session (removed with the session when it expires or logs in).
CREATE TABLE cart_line (
    user_id       BIGINT REFERENCES user_account (id) ON DELETE CASCADE,
    guest_session TEXT COLLATE "C" REFERENCES user_session (handle) ON DELETE CASCADE,
    product_id    BIGINT  NOT NULL REFERENCES product (id),
    quantity      INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    added_at      BIGINT  NOT NULL,
    position      INTEGER NOT NULL,                 -- the order lines were first added in
    CHECK ((user_id IS NULL) <> (guest_session IS NULL))
);
CREATE UNIQUE INDEX cart_line_user ON cart_line (user_id, product_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX cart_line_guest ON cart_line (guest_session, product_id) WHERE guest_session IS NOT NULL;
CREATE INDEX cart_line_product ON cart_line (product_id);

-- Orders: placed at checkout, never deleted. Each item freezes the sku, name and unit price of the
-- moment of checkout, and the order's total is always computed from its items, never stored apart.
CREATE TABLE orders (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- never reused
    user_id    BIGINT NOT NULL REFERENCES user_account (id),
    status     TEXT COLLATE "C" NOT NULL
               CHECK (status IN ('PENDING', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED')),
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    CHECK (updated_at >= created_at)
);
-- A user's history, newest first, walks this index without sorting.
CREATE INDEX orders_user_newest ON orders (user_id, created_at DESC, id DESC);

CREATE TABLE order_item (
    order_id         BIGINT  NOT NULL REFERENCES orders (id),
    position         INTEGER NOT NULL,              -- the order of the lines in the order
    product_id       BIGINT  NOT NULL REFERENCES product (id),
    sku              TEXT COLLATE "C" NOT NULL,
    name             TEXT COLLATE "C" NOT NULL,
    unit_price_minor BIGINT  NOT NULL CHECK (unit_price_minor >= 0),
    quantity         INTEGER NOT NULL CHECK (quantity >= 1),
    PRIMARY KEY (order_id, product_id),
    UNIQUE (order_id, position)
);

-- Checkout idempotency keys, per user: a retried checkout with the same key answers the order the
-- first attempt placed. Kept at least 24 hours, then swept (by used_at).
CREATE TABLE idempotency_key (
    user_id  BIGINT NOT NULL REFERENCES user_account (id),
    key_text TEXT COLLATE "C" NOT NULL,
    order_id BIGINT NOT NULL REFERENCES orders (id),
    used_at  BIGINT NOT NULL,
    PRIMARY KEY (user_id, key_text)
);
CREATE INDEX idempotency_key_used ON idempotency_key (used_at);

-- Catalog imports on their way into the products (CatalogImportJournal): staged here in short
-- transactions, marked ready, then applied in chunks, each chunk leaving this table in the
-- transaction that writes it into product. last_error says why an import keeps failing.
CREATE TABLE catalog_import (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ready       INTEGER NOT NULL DEFAULT 0 CHECK (ready IN (0, 1)),
    progress_at BIGINT  NOT NULL,
    staged_rows INTEGER NOT NULL DEFAULT 0,
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT COLLATE "C"
);

CREATE TABLE catalog_import_row (
    import_id   BIGINT  NOT NULL REFERENCES catalog_import (id),
    number      INTEGER NOT NULL,
    source      TEXT COLLATE "C" NOT NULL,
    sku         TEXT COLLATE "C" NOT NULL,
    name        TEXT COLLATE "C" NOT NULL,
    description TEXT COLLATE "C",
    category    TEXT COLLATE "C" NOT NULL,
    price       TEXT COLLATE "C" NOT NULL,
    stock       INTEGER NOT NULL,
    active      BOOLEAN,                            -- NULL: not given in the file
    PRIMARY KEY (import_id, number)
);
