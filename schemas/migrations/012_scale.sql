-- A nightly's cost follows its new work, not the ledger's size (issue 17).

-- Known inbox files without reading them again: what a file looked like (size, mtime,
-- ctime, device, inode) when its SHA-256 was last computed. A run hashes a file only when
-- none of these match the row for its path. ctime is the guard against a file replaced
-- in place with the same size and a forged mtime (`cp -p`, `touch -d`): every write and
-- every utimensat() sets ctime to the present, and no unprivileged call sets it back.
-- A row is only believed for a SHA-256 the ledger itself knows (source_files), and rows
-- live in the ledger: a restored backup carries the rows of the files it took and no
-- others, so a file taken after the backup is hashed and taken again. Not evidence (a
-- cache of what the files were), so not in the hash chain; a forged row can only make
-- a run skip a file, never pay one.
CREATE TABLE inbox_fingerprints (
    path     TEXT PRIMARY KEY,              -- inbox-relative, as shown ("grants/x.xml")
    bytes    INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    ctime_ns INTEGER NOT NULL,
    device   INTEGER NOT NULL,
    inode    INTEGER NOT NULL,
    sha256   TEXT NOT NULL REFERENCES source_files(sha256)
);

-- Held and recovered lines by reason: a run decides again only the holds whose cause may
-- have changed (src/batch/nightly_run.cpp), found without reading every line.
CREATE INDEX ledger_lines_held ON ledger_lines(reason, grant_id) WHERE status = 'held';
CREATE INDEX ledger_lines_recovered ON ledger_lines(reason, grant_id) WHERE status = 'recovery';

-- The grants a batch recorded first (their families and applications may end a hold).
CREATE INDEX grants_first_batch ON grants(first_batch);

-- Quarantines waiting for an operator: listed every night, without reading every file row.
CREATE INDEX source_files_quarantined ON source_files(batch_id) WHERE outcome = 'quarantined';

-- What the chain event of a batch digests (chain_contents.cpp), by batch.
CREATE INDEX payees_batch ON payees(batch_id);
CREATE INDEX enterprise_recognitions_batch ON enterprise_recognitions(first_batch);
-- The objections to a batch's notice, which its review page lists (010_public_notice).
CREATE INDEX objections_batch ON objections(batch_id);

-- What every held grant was last decided on, all together (src/batch/nightly_run.cpp): a
-- digest of the policy file, the patsub version, the kind table and the payee registry
-- snapshots in the inbox. A run decides every held grant again only when its own digest
-- differs (a snapshot added or removed, another policy); otherwise only the holds its new
-- facts concern. One row; a cache of the last such run, not evidence.
CREATE TABLE hold_inputs (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    digest TEXT NOT NULL
);
