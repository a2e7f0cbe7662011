-- The product catalog. Money is stored as INTEGER minor units (cents) of the store's one currency
-- (store_setting 'currency'); times as INTEGER epoch milliseconds (UTC).
-- Products are never deleted (orders refer to them): "deleting" one clears active.
CREATE TABLE product (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,        -- never reused
    sku         TEXT    NOT NULL COLLATE NOCASE,          -- unique regardless of (ASCII) case
    name        TEXT    NOT NULL,
    description TEXT    NOT NULL DEFAULT '',
    category    TEXT    NOT NULL,
    price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
    stock       INTEGER NOT NULL CHECK (stock >= 0),      -- a checkout takes stock with
                                                          -- "SET stock = stock - :n WHERE id = :id AND stock >= :n"
    active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at  INTEGER NOT NULL,
    -- lower-cased (by the application, Unicode-aware) name and description for case-insensitive
    -- text search; kept in step with name and description on every write
    search_text TEXT    NOT NULL
);

CREATE UNIQUE INDEX product_sku_unique ON product (sku COLLATE NOCASE);

-- The shop only ever lists active products, so the listing indexes are partial (WHERE active = 1):
-- one per sort order, and the same again behind the category for the category filter. With the id
-- as the last column, "ORDER BY <sort>, id LIMIT/OFFSET" walks an index and never sorts.
CREATE INDEX product_active_by_name     ON product (name COLLATE NOCASE, id) WHERE active = 1;
CREATE INDEX product_active_by_price    ON product (price_minor, id)         WHERE active = 1;
CREATE INDEX product_active_by_created  ON product (created_at, id)          WHERE active = 1;
CREATE INDEX product_category_by_name    ON product (category, name COLLATE NOCASE, id) WHERE active = 1;
CREATE INDEX product_category_by_price   ON product (category, price_minor, id)         WHERE active = 1;
CREATE INDEX product_category_by_created ON product (category, created_at, id)          WHERE active = 1;
