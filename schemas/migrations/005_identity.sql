-- Identity (policy.md readings 12-14): a payee is its credit code, and the bank account
-- the treasury pays into may only change in the open. Every registry snapshot that
-- brings a payee a different account than the one in force is recorded here, with the
-- old and the new details and the snapshot that changed them, so that the review page
-- and the treasury audit can show it beside that payee's lines.
CREATE TABLE payee_bank_changes (
    change_id        INTEGER PRIMARY KEY,
    uscc             TEXT NOT NULL,
    old_bank_name    TEXT NOT NULL,
    old_bank_account TEXT NOT NULL,
    new_bank_name    TEXT NOT NULL,
    new_bank_account TEXT NOT NULL,
    registry_sha256  TEXT NOT NULL,           -- the snapshot that brought the new details
    registry_path    TEXT NOT NULL,           -- inbox-relative, as first seen
    batch_id         INTEGER NOT NULL REFERENCES batches(batch_id)
);
CREATE INDEX payee_bank_changes_uscc ON payee_bank_changes(uscc, change_id);

CREATE TRIGGER payee_bank_changes_append_only_update BEFORE UPDATE ON payee_bank_changes
BEGIN SELECT RAISE(ABORT, 'payee bank changes are append-only'); END;
CREATE TRIGGER payee_bank_changes_append_only_delete BEFORE DELETE ON payee_bank_changes
BEGIN SELECT RAISE(ABORT, 'payee bank changes are append-only'); END;

-- A nightly's cost follows what is new (issue 17): late news is matched to payments
-- from the records of the batch that read them, through these indexes, instead of
-- every payment being matched against every record each night.
CREATE INDEX grants_publication ON grants(office, number);
CREATE INDEX source_files_batch ON source_files(batch_id);
CREATE INDEX dispute_records_file ON dispute_records(sha256);
CREATE INDEX abnormal_records_file ON abnormal_records(sha256);
