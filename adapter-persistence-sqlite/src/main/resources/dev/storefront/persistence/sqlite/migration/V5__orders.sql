-- Orders: placed at checkout, never deleted. Each item freezes the sku, name and unit price of the
-- moment of checkout (money in INTEGER minor units of the store's currency, see store_setting);
-- the order's total is always computed from its items, never stored apart from them.
-- Times are INTEGER epoch milliseconds (UTC).
CREATE TABLE orders (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,          -- never reused
    user_id    INTEGER NOT NULL REFERENCES user_account (id),
    status     TEXT    NOT NULL CHECK (status IN ('PENDING', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED')),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    CHECK (updated_at >= created_at)
);
-- A user's history, newest first, walks this index without sorting.
CREATE INDEX orders_user_newest ON orders (user_id, created_at DESC, id DESC);

CREATE TABLE order_item (
    order_id         INTEGER NOT NULL REFERENCES orders (id),
    position         INTEGER NOT NULL,                     -- the order of the lines in the order
    product_id       INTEGER NOT NULL REFERENCES product (id),
    sku              TEXT    NOT NULL,
    name             TEXT    NOT NULL,
    unit_price_minor INTEGER NOT NULL CHECK (unit_price_minor >= 0),
    quantity         INTEGER NOT NULL CHECK (quantity >= 1),
    PRIMARY KEY (order_id, product_id),
    UNIQUE (order_id, position)
);

-- Checkout idempotency keys, per user: a retried checkout with the same key answers the order the
-- first attempt placed. Kept at least 24 hours, then swept (by used_at).
CREATE TABLE idempotency_key (
    user_id  INTEGER NOT NULL REFERENCES user_account (id),
    key_text TEXT    NOT NULL,
    order_id INTEGER NOT NULL REFERENCES orders (id),
    used_at  INTEGER NOT NULL,
    PRIMARY KEY (user_id, key_text)
) WITHOUT ROWID;
CREATE INDEX idempotency_key_used ON idempotency_key (used_at);
