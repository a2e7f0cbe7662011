-- Rounds of periodic work (the sweeps), shared by every process on the database (JdbiPeriodicWork):
-- last_run is the epoch milliseconds of the round's last claim, the lowest 64-bit value before the first.
CREATE TABLE sweep_round (
    name     TEXT    PRIMARY KEY,
    last_run INTEGER NOT NULL
) WITHOUT ROWID;
