-- The ledger: what came in (files, grants), what ran (batches) and what was decided
-- (ledger lines). Lines are append-only: corrections are new lines, and triggers below
-- refuse UPDATE and DELETE. Every line carries batch, clause, policy version and reason,
-- plus a hash chained to the line before, so an edit made behind patsub's back shows.

CREATE TABLE batches (
    batch_id      INTEGER PRIMARY KEY,
    started_at    TEXT NOT NULL,              -- UTC, ISO 8601
    as_of         TEXT NOT NULL,              -- the day the run decided on (ISO date)
    inbox         TEXT NOT NULL,
    policy_file   TEXT NOT NULL,
    policy_sha256 TEXT NOT NULL,
    patsub_version TEXT NOT NULL
);

CREATE TABLE source_files (
    sha256     TEXT PRIMARY KEY,              -- a file is known by its content
    path       TEXT NOT NULL,                 -- where it was first seen, inbox-relative
    bytes      INTEGER NOT NULL,
    list       TEXT NOT NULL CHECK (list IN ('grants','payees','abnormal','disputes','enterprises')),
    batch_id   INTEGER NOT NULL REFERENCES batches(batch_id),
    documents  INTEGER NOT NULL DEFAULT 0,    -- documents or rows read
    refused    INTEGER NOT NULL DEFAULT 0,    -- documents refused (malformed)
    outcome    TEXT NOT NULL CHECK (outcome IN ('taken','quarantined')),
    reason     TEXT NOT NULL DEFAULT ''
);

CREATE TABLE grants (
    grant_id           TEXT PRIMARY KEY,      -- office + number + kind, e.g. CN114567890B
    office             TEXT NOT NULL,
    number             TEXT NOT NULL,
    kind               TEXT NOT NULL,
    date               TEXT,
    application_number TEXT NOT NULL DEFAULT '',
    application_date   TEXT,
    title              TEXT NOT NULL DEFAULT '',
    declared_type      TEXT NOT NULL DEFAULT '',
    is_grant           INTEGER NOT NULL CHECK (is_grant IN (0,1)),
    known_kind         INTEGER NOT NULL CHECK (known_kind IN (0,1)),
    patent_type        TEXT NOT NULL CHECK (patent_type IN ('invention','utility_model','design','other')),
    jurisdiction       TEXT NOT NULL CHECK (jurisdiction IN ('CN','A','B')),
    family             TEXT NOT NULL DEFAULT '',
    pct_application    TEXT NOT NULL DEFAULT '',
    first_batch        INTEGER NOT NULL REFERENCES batches(batch_id)
);
CREATE INDEX grants_application ON grants(application_number);

-- Patentees in printed order (order decides who is paid on a co-owned patent).
CREATE TABLE grant_patentees (
    grant_id TEXT NOT NULL REFERENCES grants(grant_id),
    seq      INTEGER NOT NULL,
    name     TEXT NOT NULL,
    address  TEXT NOT NULL DEFAULT '',
    city     TEXT NOT NULL DEFAULT '',
    country  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (grant_id, seq)
);

CREATE TABLE grant_priorities (
    grant_id TEXT NOT NULL REFERENCES grants(grant_id),
    seq      INTEGER NOT NULL,
    country  TEXT NOT NULL,
    number   TEXT NOT NULL,
    date     TEXT,
    PRIMARY KEY (grant_id, seq)
);
CREATE INDEX grant_priorities_number ON grant_priorities(country, number);

-- Every time a grant document was read: which file, which document, which line.
CREATE TABLE grant_sightings (
    grant_id  TEXT NOT NULL REFERENCES grants(grant_id),
    sha256    TEXT NOT NULL REFERENCES source_files(sha256),
    document  INTEGER NOT NULL,
    line      INTEGER NOT NULL,
    batch_id  INTEGER NOT NULL REFERENCES batches(batch_id),
    PRIMARY KEY (grant_id, sha256, document)
);

CREATE TABLE ledger_lines (
    line_id        INTEGER PRIMARY KEY,
    batch_id       INTEGER NOT NULL REFERENCES batches(batch_id),
    -- The fixed key of a money event ("pay|EP3383757|8.1", "recover|...", "award|<uscc>|8.9");
    -- '' on held and rejected lines. A key is written once, for ever.
    event_key      TEXT NOT NULL DEFAULT '',
    grant_id       TEXT NOT NULL DEFAULT '',  -- '' on enterprise award lines (8.9, 8.10)
    office         TEXT NOT NULL DEFAULT '',
    kind           TEXT NOT NULL DEFAULT '',
    patent_type    TEXT NOT NULL DEFAULT '',
    jurisdiction   TEXT NOT NULL DEFAULT '',
    family         TEXT NOT NULL DEFAULT '',
    payee_uscc     TEXT NOT NULL DEFAULT '',
    payee_name     TEXT NOT NULL DEFAULT '',
    clause         TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL CHECK (status IN ('payable','held','rejected','recovery')),
    amount_fen     INTEGER NOT NULL,
    reason         TEXT NOT NULL DEFAULT '',
    policy_version TEXT NOT NULL DEFAULT '',
    reasoning      TEXT NOT NULL,             -- JSON: facts used and conditions checked
    created_at     TEXT NOT NULL,
    prev_hash      TEXT NOT NULL,
    hash           TEXT NOT NULL UNIQUE,
    CHECK ((status = 'payable'  AND amount_fen > 0 AND reason = '')
        OR (status = 'recovery' AND amount_fen < 0)
        OR (status IN ('held','rejected') AND amount_fen = 0 AND reason <> ''))
);
CREATE INDEX ledger_lines_grant ON ledger_lines(grant_id, clause);
CREATE INDEX ledger_lines_batch ON ledger_lines(batch_id);

CREATE UNIQUE INDEX one_event_per_key ON ledger_lines(event_key) WHERE event_key <> '';

-- Once per grant per clause, once per enterprise per award, held by the database itself.
CREATE UNIQUE INDEX one_payment_per_grant_clause
    ON ledger_lines(grant_id, clause) WHERE status = 'payable' AND grant_id <> '';
CREATE UNIQUE INDEX one_award_per_enterprise_clause
    ON ledger_lines(payee_uscc, clause) WHERE status = 'payable' AND grant_id = '';

CREATE TRIGGER ledger_lines_append_only_update BEFORE UPDATE ON ledger_lines
BEGIN SELECT RAISE(ABORT, 'ledger lines are append-only: write a correcting line instead'); END;
CREATE TRIGGER ledger_lines_append_only_delete BEFORE DELETE ON ledger_lines
BEGIN SELECT RAISE(ABORT, 'ledger lines are append-only: write a correcting line instead'); END;
