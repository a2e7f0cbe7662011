-- Catalog imports on their way into the products (CatalogImportJournal): a large import-catalog
-- stages its rows here in short transactions, marks the import ready in one, then applies it in
-- chunks of rows, each chunk leaving this table in the transaction that writes it into product.
-- A ready import whose process died is finished by whoever finds it stalled; one still staging
-- is discarded. Readers of the catalog never look here.
CREATE TABLE catalog_import (
    id          INTEGER PRIMARY KEY,
    ready       INTEGER NOT NULL DEFAULT 0 CHECK (ready IN (0, 1)),
    progress_at INTEGER NOT NULL
);

CREATE TABLE catalog_import_row (
    import_id   INTEGER NOT NULL REFERENCES catalog_import (id),
    number      INTEGER NOT NULL,
    source      TEXT    NOT NULL,
    sku         TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    description TEXT,
    category    TEXT    NOT NULL,
    price       TEXT    NOT NULL,
    stock       INTEGER NOT NULL,
    active      INTEGER,
    PRIMARY KEY (import_id, number)
) WITHOUT ROWID;
