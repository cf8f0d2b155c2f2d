-- Staff review and the treasury handoff: the payee registry as runs read it (bank
-- details for the treasury), approvals, staff holds, and what each treasury file
-- carried. Like ledger_lines these tables only grow: a release is a new event beside
-- the hold, never an edit of it, and the triggers below refuse UPDATE and DELETE.

-- Every registry snapshot row a run read, keyed by credit code and the snapshot file's
-- SHA-256. For a credit code, the row read most recently for the first time wins
-- (highest payee_row): a newer snapshot brings new bank details.
CREATE TABLE payees (
    payee_row       INTEGER PRIMARY KEY,
    uscc            TEXT NOT NULL,
    registry_sha256 TEXT NOT NULL,            -- the snapshot file, as in source_files
    name            TEXT NOT NULL,
    aliases         TEXT NOT NULL DEFAULT '', -- '|'-separated, as in the registry
    district        TEXT NOT NULL,            -- 5301xx
    bank_name       TEXT NOT NULL,
    bank_account    TEXT NOT NULL,
    batch_id        INTEGER NOT NULL REFERENCES batches(batch_id),
    UNIQUE (uscc, registry_sha256)
);

CREATE VIEW current_payees AS
    SELECT * FROM payees p WHERE payee_row = (SELECT MAX(payee_row) FROM payees q WHERE q.uscc = p.uscc);

-- Staff sign-off of one batch (maker-checker: the machine decides, a person approves).
CREATE TABLE approvals (
    batch_id    INTEGER PRIMARY KEY REFERENCES batches(batch_id),
    approved_by TEXT NOT NULL CHECK (approved_by <> ''),
    approved_at TEXT NOT NULL                 -- UTC, ISO 8601
);

-- Holds and releases of payable lines by staff. A line is held while its latest event
-- is a hold.
CREATE TABLE staff_holds (
    event_id INTEGER PRIMARY KEY,
    line_id  INTEGER NOT NULL REFERENCES ledger_lines(line_id),
    action   TEXT NOT NULL CHECK (action IN ('hold','release')),
    by_name  TEXT NOT NULL CHECK (by_name <> ''),
    at       TEXT NOT NULL,                   -- UTC, ISO 8601
    why      TEXT NOT NULL DEFAULT '',
    CHECK (action = 'release' OR why <> '')
);
CREATE INDEX staff_holds_line ON staff_holds(line_id, event_id);

-- The treasury file each approval wrote: its rows as sent (so that writing it again
-- gives the same bytes whatever the registry says later), its totals and its SHA-256.
CREATE TABLE treasury_files (
    batch_id  INTEGER PRIMARY KEY REFERENCES approvals(batch_id),
    file_name TEXT NOT NULL,
    path      TEXT NOT NULL,                  -- absolute path it was first written to
    rows      INTEGER NOT NULL,
    lines     INTEGER NOT NULL,
    total_fen INTEGER NOT NULL,
    sha256    TEXT NOT NULL
);

CREATE TABLE treasury_rows (
    batch_id     INTEGER NOT NULL REFERENCES treasury_files(batch_id),
    seq          INTEGER NOT NULL,
    payee_uscc   TEXT NOT NULL,
    payee_name   TEXT NOT NULL,
    bank_name    TEXT NOT NULL,
    bank_account TEXT NOT NULL,
    amount_fen   INTEGER NOT NULL CHECK (amount_fen > 0),
    lines        INTEGER NOT NULL CHECK (lines > 0),
    PRIMARY KEY (batch_id, seq)
);

-- Which treasury file carried each payable line: a line is exported at most once.
CREATE TABLE exported_lines (
    line_id  INTEGER PRIMARY KEY REFERENCES ledger_lines(line_id),
    batch_id INTEGER NOT NULL REFERENCES approvals(batch_id)
);
CREATE INDEX exported_lines_batch ON exported_lines(batch_id);

CREATE TRIGGER payees_append_only_update BEFORE UPDATE ON payees
BEGIN SELECT RAISE(ABORT, 'payee rows are append-only'); END;
CREATE TRIGGER payees_append_only_delete BEFORE DELETE ON payees
BEGIN SELECT RAISE(ABORT, 'payee rows are append-only'); END;
CREATE TRIGGER approvals_append_only_update BEFORE UPDATE ON approvals
BEGIN SELECT RAISE(ABORT, 'approvals are append-only'); END;
CREATE TRIGGER approvals_append_only_delete BEFORE DELETE ON approvals
BEGIN SELECT RAISE(ABORT, 'approvals are append-only'); END;
CREATE TRIGGER staff_holds_append_only_update BEFORE UPDATE ON staff_holds
BEGIN SELECT RAISE(ABORT, 'staff holds are append-only: release with a new event'); END;
CREATE TRIGGER staff_holds_append_only_delete BEFORE DELETE ON staff_holds
BEGIN SELECT RAISE(ABORT, 'staff holds are append-only: release with a new event'); END;
CREATE TRIGGER treasury_files_append_only_update BEFORE UPDATE ON treasury_files
BEGIN SELECT RAISE(ABORT, 'treasury files are append-only'); END;
CREATE TRIGGER treasury_files_append_only_delete BEFORE DELETE ON treasury_files
BEGIN SELECT RAISE(ABORT, 'treasury files are append-only'); END;
CREATE TRIGGER treasury_rows_append_only_update BEFORE UPDATE ON treasury_rows
BEGIN SELECT RAISE(ABORT, 'treasury rows are append-only'); END;
CREATE TRIGGER treasury_rows_append_only_delete BEFORE DELETE ON treasury_rows
BEGIN SELECT RAISE(ABORT, 'treasury rows are append-only'); END;
CREATE TRIGGER exported_lines_append_only_update BEFORE UPDATE ON exported_lines
BEGIN SELECT RAISE(ABORT, 'exported lines are append-only'); END;
CREATE TRIGGER exported_lines_append_only_delete BEFORE DELETE ON exported_lines
BEGIN SELECT RAISE(ABORT, 'exported lines are append-only'); END;
