-- Who created this ledger (`patsub init`): a ledger is only ever created on purpose, never
-- by a run that found nothing at its path. Ledgers older than init have no row.
CREATE TABLE ledger_origin (
    host       TEXT NOT NULL,
    os_user    TEXT NOT NULL,
    created_at TEXT NOT NULL            -- UTC, ISO 8601
);

-- A quarantined file stays in every nightly's report (exit 1) until an operator
-- acknowledges it (`patsub acknowledge`): who (OS user), why and when.
CREATE TABLE quarantine_acknowledgements (
    sha256     TEXT PRIMARY KEY REFERENCES source_files(sha256),
    path       TEXT NOT NULL,           -- the shown path acknowledged, e.g. grants/x.xml
    os_user    TEXT NOT NULL,
    why        TEXT NOT NULL,
    at         TEXT NOT NULL            -- UTC, ISO 8601
);
