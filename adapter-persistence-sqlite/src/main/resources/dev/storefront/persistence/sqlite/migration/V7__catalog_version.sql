-- A counter that every change to a product moves on, whoever makes it (this server, the
-- import-catalog command in another process, a host application's own SQL): the catalog read cache
-- compares it now and then and drops what it holds when it moved. One row, kept by triggers.
CREATE TABLE catalog_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);

INSERT INTO catalog_version (id, version) VALUES (1, 0);

CREATE TRIGGER product_inserted_catalog_version AFTER INSERT ON product
BEGIN
    UPDATE catalog_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER product_updated_catalog_version AFTER UPDATE ON product
BEGIN
    UPDATE catalog_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER product_deleted_catalog_version AFTER DELETE ON product
BEGIN
    UPDATE catalog_version SET version = version + 1 WHERE id = 1;
END;
