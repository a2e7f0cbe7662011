-- Checkout, completed (issue 10): the meaning of SQLite's V19. Address books, shipping methods, tax
-- rates, promo codes and their uses, and what an order now records: its money parts, its address and
-- method as snapshots, its promo code. Money is BIGINT minor units; times BIGINT epoch milliseconds;
-- flags INTEGER 0/1 (as the queries compare them).

-- A user's address book: at most 20 (enforced by the use case under the user's lock), one default.
CREATE TABLE address (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES user_account (id),
    name        TEXT COLLATE "C" NOT NULL,
    line1       TEXT COLLATE "C" NOT NULL,
    line2       TEXT COLLATE "C" NOT NULL DEFAULT '',
    city        TEXT COLLATE "C" NOT NULL,
    region      TEXT COLLATE "C" NOT NULL DEFAULT '',
    postal_code TEXT COLLATE "C" NOT NULL,
    country     TEXT COLLATE "C" NOT NULL,                          -- ISO 3166-1 alpha-2, upper case
    phone       TEXT COLLATE "C" NOT NULL DEFAULT '',
    is_default  INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1))
);
CREATE INDEX address_user ON address (user_id, id);
CREATE UNIQUE INDEX address_one_default ON address (user_id) WHERE is_default = 1;

-- Shipping methods: countries is a comma-separated list of codes, '' for everywhere.
CREATE TABLE shipping_method (
    code            TEXT COLLATE "C" PRIMARY KEY,
    name            TEXT COLLATE "C" NOT NULL,
    price_minor BIGINT NOT NULL CHECK (price_minor >= 0),
    free_over_minor BIGINT CHECK (free_over_minor IS NULL OR free_over_minor >= 0),
    countries       TEXT COLLATE "C" NOT NULL DEFAULT '',
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- Tax rates in thousandths of a percent (8.875 % is 8875); region '' for the whole country, else
-- stripped and upper case.
CREATE TABLE tax_rate (
    country          TEXT COLLATE "C" NOT NULL,
    region           TEXT COLLATE "C" NOT NULL DEFAULT '',
    rate_thousandths INTEGER NOT NULL CHECK (rate_thousandths BETWEEN 0 AND 100000),
    PRIMARY KEY (country, region)
);

-- Promo codes, upper case. value: hundredths of a percent for PERCENT, minor units for AMOUNT,
-- NULL for FREE_SHIPPING. times_used counts the orders carrying the code that are not cancelled;
-- checkout raises it with a conditional UPDATE (below usage_limit), like stock.
CREATE TABLE promo_code (
    code               TEXT COLLATE "C" PRIMARY KEY,
    kind               TEXT COLLATE "C" NOT NULL CHECK (kind IN ('PERCENT', 'AMOUNT', 'FREE_SHIPPING')),
    value              BIGINT CHECK (value IS NULL OR value > 0),
    min_subtotal_minor BIGINT NOT NULL DEFAULT 0 CHECK (min_subtotal_minor >= 0),
    starts_at          BIGINT,
    ends_at            BIGINT,
    usage_limit        INTEGER CHECK (usage_limit IS NULL OR usage_limit >= 1),
    usage_per_user     INTEGER CHECK (usage_per_user IS NULL OR usage_per_user >= 1),
    times_used         INTEGER NOT NULL DEFAULT 0 CHECK (times_used >= 0),
    active             INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at         BIGINT NOT NULL
);
CREATE INDEX promo_code_newest ON promo_code (created_at DESC, code);

-- One row per order that used a code and is not cancelled; cancelling deletes it (once) and gives
-- the use back.
CREATE TABLE promo_code_use (
    order_id BIGINT PRIMARY KEY REFERENCES orders (id),
    code     TEXT COLLATE "C" NOT NULL REFERENCES promo_code (code),
    user_id  BIGINT NOT NULL REFERENCES user_account (id),
    used_at  BIGINT NOT NULL
);
CREATE INDEX promo_code_use_by_user ON promo_code_use (code, user_id);

-- What an order charged, and where it goes. Orders placed before this version had neither discount
-- nor shipping nor tax: their subtotal is the sum of their items.
ALTER TABLE orders ADD COLUMN subtotal_minor BIGINT NOT NULL DEFAULT 0 CHECK (subtotal_minor >= 0);
ALTER TABLE orders ADD COLUMN discount_minor BIGINT NOT NULL DEFAULT 0 CHECK (discount_minor >= 0);
ALTER TABLE orders ADD COLUMN shipping_minor BIGINT NOT NULL DEFAULT 0 CHECK (shipping_minor >= 0);
ALTER TABLE orders ADD COLUMN tax_minor BIGINT NOT NULL DEFAULT 0 CHECK (tax_minor >= 0);
UPDATE orders SET subtotal_minor = (SELECT COALESCE(SUM(unit_price_minor * quantity), 0)
                                    FROM order_item WHERE order_item.order_id = orders.id);
-- The shipping address as it was at checkout (ship_country NULL: no address), the method's code and
-- name, the promo code's text, and the shipment (issue 11).
ALTER TABLE orders ADD COLUMN ship_name TEXT COLLATE "C";
ALTER TABLE orders ADD COLUMN ship_line1 TEXT COLLATE "C";
ALTER TABLE orders ADD COLUMN ship_line2 TEXT COLLATE "C";
ALTER TABLE orders ADD COLUMN ship_city TEXT COLLATE "C";
ALTER TABLE orders ADD COLUMN ship_region TEXT COLLATE "C";
ALTER TABLE orders ADD COLUMN ship_postal_code TEXT COLLATE "C";
ALTER TABLE orders ADD COLUMN ship_country TEXT COLLATE "C";
ALTER TABLE orders ADD COLUMN ship_phone TEXT COLLATE "C";
ALTER TABLE orders ADD COLUMN shipping_method_code TEXT COLLATE "C";
ALTER TABLE orders ADD COLUMN shipping_method_name TEXT COLLATE "C";
ALTER TABLE orders ADD COLUMN promo_code TEXT COLLATE "C";
ALTER TABLE orders ADD COLUMN tracking_number TEXT COLLATE "C";
ALTER TABLE orders ADD COLUMN carrier TEXT COLLATE "C";
