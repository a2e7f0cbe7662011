-- Rounds of periodic work (the sweeps), shared by every instance on the database (JdbiPeriodicWork):
-- the meaning of SQLite's V13. last_run is the BIGINT epoch milliseconds of the round's last claim,
-- the lowest BIGINT before the first.
CREATE TABLE sweep_round (
    name     TEXT COLLATE "C" PRIMARY KEY,
    last_run BIGINT NOT NULL
);
