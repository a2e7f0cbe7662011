-- Carts: one row per product per owner. An owner is a user (a saved cart that survives logout,
-- devices and restarts) or a guest session (removed with the session when it expires or logs in).
CREATE TABLE cart_line (
    user_id       INTEGER REFERENCES user_account (id) ON DELETE CASCADE,
    guest_session TEXT    REFERENCES user_session (handle) ON DELETE CASCADE,
    product_id    INTEGER NOT NULL REFERENCES product (id),
    quantity      INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    added_at      INTEGER NOT NULL,
    position      INTEGER NOT NULL,                 -- the order lines were first added in
    CHECK ((user_id IS NULL) <> (guest_session IS NULL))
);
CREATE UNIQUE INDEX cart_line_user ON cart_line (user_id, product_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX cart_line_guest ON cart_line (guest_session, product_id) WHERE guest_session IS NOT NULL;
CREATE INDEX cart_line_product ON cart_line (product_id);
