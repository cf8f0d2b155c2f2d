-- One append-only, hash-chained log over everything that moves money or records a
-- person's act (issue 18): each run's batch (its batch row, the files it took, the digest
-- of its ledger lines, the registry rows and bank changes it read), each approval (the
-- approval, its treasury file and rows, the lines it exported), each staff hold or
-- release, and the operator's acts (init, acknowledgements, anchor recoveries). An event
-- stores the SHA-256 of its rows' content; `verify` recomputes it from the tables, so an
-- edit, a deletion or an insertion in any of them shows, and the event hashes chain to
-- each other (HMAC-SHA-256 with a key file outside the database in keyed mode). The
-- newest event's hash is written to the anchor log outside the database after every
-- command that writes.
CREATE TABLE chain_events (
    seq          INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,   -- batch, approval, staff_hold, init, acknowledge, recover_anchor, ...
    ref          TEXT NOT NULL,   -- the batch id, hold event id, ... the event is about
    content_hash TEXT NOT NULL,   -- SHA-256 of the rows' content (see src/ledger/chain_contents.cpp)
    note         TEXT NOT NULL DEFAULT '',  -- who and why, for a person's act
    at           TEXT NOT NULL,   -- UTC, ISO 8601
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL UNIQUE
);
CREATE INDEX chain_events_kind ON chain_events(kind, ref);

-- How the chain is kept: mode ('sha256' or 'hmac-sha256'), the key's fingerprint, and the
-- anchor log's path once the first anchor was written.
CREATE TABLE chain_settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TRIGGER chain_events_append_only_update BEFORE UPDATE ON chain_events
BEGIN SELECT RAISE(ABORT, 'chain events are append-only'); END;
CREATE TRIGGER chain_events_append_only_delete BEFORE DELETE ON chain_events
BEGIN SELECT RAISE(ABORT, 'chain events are append-only'); END;

-- What `run` said of its batch (the summary line, then every quarantined file and ignored
-- inbox entry): summary.txt is written from it, and written again whenever the batch's
-- outputs are found missing or changed.
ALTER TABLE batches ADD COLUMN summary TEXT NOT NULL DEFAULT '';
