-- The listing indexes of V6 carried the stock count so that "in stock" was checked in the index
-- entry. But then every sale rewrote an entry in each of the six indexes: seven pages per product
-- per checkout went to the WAL and back into the database file, about half of what an order wrote
-- (docs/performance.md). They now carry a flag, in_stock, that changes only when the stock crosses
-- zero; a sale that leaves stock above zero writes the table row alone. Triggers keep the flag
-- right whoever writes the stock (this server, import-catalog, a host application's own SQL).
ALTER TABLE product ADD COLUMN in_stock INTEGER NOT NULL DEFAULT 0 CHECK (in_stock IN (0, 1));
UPDATE product SET in_stock = (stock > 0);

CREATE TRIGGER product_inserted_in_stock AFTER INSERT ON product
WHEN NEW.in_stock <> (NEW.stock > 0)
BEGIN
    UPDATE product SET in_stock = (NEW.stock > 0) WHERE id = NEW.id;
END;

CREATE TRIGGER product_updated_in_stock AFTER UPDATE OF stock, in_stock ON product
WHEN NEW.in_stock <> (NEW.stock > 0)
BEGIN
    UPDATE product SET in_stock = (NEW.stock > 0) WHERE id = NEW.id;
END;

DROP INDEX product_active_by_name;
DROP INDEX product_active_by_price;
DROP INDEX product_active_by_created;
DROP INDEX product_category_by_name;
DROP INDEX product_category_by_price;
DROP INDEX product_category_by_created;

CREATE INDEX product_active_by_name      ON product (name COLLATE NOCASE, id, price_minor, in_stock) WHERE active = 1;
CREATE INDEX product_active_by_price     ON product (price_minor, id, in_stock)                       WHERE active = 1;
CREATE INDEX product_active_by_created   ON product (created_at, id, price_minor, in_stock)          WHERE active = 1;
CREATE INDEX product_category_by_name    ON product (category, name COLLATE NOCASE, id, price_minor, in_stock) WHERE active = 1;
CREATE INDEX product_category_by_price   ON product (category, price_minor, id, in_stock)                       WHERE active = 1;
CREATE INDEX product_category_by_created ON product (category, created_at, id, price_minor, in_stock)          WHERE active = 1;
