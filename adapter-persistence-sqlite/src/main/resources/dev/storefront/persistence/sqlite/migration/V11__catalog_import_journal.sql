-- Catalog imports on their way into the products (CatalogImportJournal): a large import-catalog
-- stages its rows here in short transactions, marks the import ready in one, then applies it in
-- chunks of rows, each chunk leaving this table in the transaction that writes it into product.
-- A ready import whose process died is finished by whoever finds it stalled; one still staging
-- is discarded. Readers of the catalog never look here. A ready import whose rows keep failing
-- (a constraint, a trigger) counts its failed attempts; after a few it is given up and its rows
-- left are deleted, so later imports are not refused for ever. last_error says why, for operators.
CREATE TABLE catalog_import (
    id          INTEGER PRIMARY KEY,
    ready       INTEGER NOT NULL DEFAULT 0 CHECK (ready IN (0, 1)),
    progress_at INTEGER NOT NULL,
    staged_rows INTEGER NOT NULL DEFAULT 0,
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT
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
