-- Store-wide settings that must not change under existing data (for example the currency that
-- every stored amount of minor units is in).
CREATE TABLE store_setting (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
