-- The workbench's people (issue 13 points 2 and 3): named accounts with one role each,
-- their sessions, and what reviewers record beside the lines (the batch marked reviewed,
-- notes on a line). Accounts and sessions change (a password, a lock, a last-seen time),
-- so they are plain tables; every change to them is also an event in the chain (kind
-- `person`, `login`, ...), which is where an auditor reads who did what. Review marks and
-- annotations are append-only like staff_holds.

CREATE TABLE workbench_users (
    user_id       INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE CHECK (name <> ''),
    role          TEXT NOT NULL CHECK (role IN ('reviewer','approver','auditor','admin')),
    password_hash TEXT NOT NULL,            -- libsodium crypto_pwhash_str (argon2id)
    disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0,1)),
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until  TEXT NOT NULL DEFAULT '', -- UTC, ISO 8601; '' when not locked
    created_at    TEXT NOT NULL
);

-- A session is known by the SHA-256 of its cookie token: a copy of the database does not
-- log anybody in.
CREATE TABLE workbench_sessions (
    token_sha256 TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES workbench_users(user_id),
    csrf         TEXT NOT NULL,
    address      TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    last_seen    TEXT NOT NULL,
    ended_at     TEXT NOT NULL DEFAULT ''   -- logout, or the account disabled
);
CREATE INDEX workbench_sessions_user ON workbench_sessions(user_id);

-- A reviewer's "this batch is reviewed" (point 3: its author may not approve the batch).
CREATE TABLE batch_reviews (
    review_id INTEGER PRIMARY KEY,
    batch_id  INTEGER NOT NULL REFERENCES batches(batch_id),
    by_name   TEXT NOT NULL CHECK (by_name <> ''),
    at        TEXT NOT NULL
);
CREATE INDEX batch_reviews_batch ON batch_reviews(batch_id);

CREATE TABLE line_annotations (
    annotation_id INTEGER PRIMARY KEY,
    line_id       INTEGER NOT NULL REFERENCES ledger_lines(line_id),
    by_name       TEXT NOT NULL CHECK (by_name <> ''),
    at            TEXT NOT NULL,
    text          TEXT NOT NULL CHECK (text <> '')
);
CREATE INDEX line_annotations_line ON line_annotations(line_id);

CREATE TRIGGER batch_reviews_append_only_update BEFORE UPDATE ON batch_reviews
BEGIN SELECT RAISE(ABORT, 'review marks are append-only'); END;
CREATE TRIGGER batch_reviews_append_only_delete BEFORE DELETE ON batch_reviews
BEGIN SELECT RAISE(ABORT, 'review marks are append-only'); END;
CREATE TRIGGER line_annotations_append_only_update BEFORE UPDATE ON line_annotations
BEGIN SELECT RAISE(ABORT, 'annotations are append-only'); END;
CREATE TRIGGER line_annotations_append_only_delete BEFORE DELETE ON line_annotations
BEGIN SELECT RAISE(ABORT, 'annotations are append-only'); END;

-- The batch page pages, sorts and filters one batch of up to a million lines on these
-- (tests/e2e/serve_query_plans.sh asks SQLite for each plan): line order within a
-- status or clause, amount order, and a company's lines across batches.
CREATE INDEX ledger_lines_batch_status ON ledger_lines(batch_id, status, amount_fen);
CREATE INDEX ledger_lines_batch_clause ON ledger_lines(batch_id, clause);
CREATE INDEX ledger_lines_batch_amount ON ledger_lines(batch_id, amount_fen);
CREATE INDEX ledger_lines_batch_reason ON ledger_lines(batch_id, reason);
CREATE INDEX ledger_lines_payee ON ledger_lines(payee_uscc);
CREATE INDEX payees_district ON payees(district);
