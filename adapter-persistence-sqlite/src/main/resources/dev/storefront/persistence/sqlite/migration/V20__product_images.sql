-- A product's images (api.md: 0-10 http(s) URLs or root-relative paths): a column of the product
-- row, not a table of their own, so every read of a product (the catalog page, a product, a cart's
-- products) stays the one statement it is, with no join and no second query, and the V7 triggers on
-- product move catalog_version when only the images change. The list is stored as its entries
-- joined by a line feed ('' is no image): an entry holds no white space (ProductRules), so the
-- separator cannot occur in one. Adding a column with a constant default rewrites no row.
ALTER TABLE product ADD COLUMN images TEXT NOT NULL DEFAULT '';

-- The images of a staged import row, in the same form; NULL: the row gave none (a new product gets
-- none, an existing one keeps its own).
ALTER TABLE catalog_import_row ADD COLUMN images TEXT;
