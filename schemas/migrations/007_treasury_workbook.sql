-- treasury-<batch>.xlsx, the typed copy of the treasury file for the people who open it
-- (contract.md "Treasury file"). Its bytes come from libxlsxwriter and zlib, and a later
-- version of either may pack the same cells differently; so approve keeps the first
-- file's bytes here and writes exactly these again on every later approve, and verify
-- checks the file lying beside the CSV against their SHA-256. A batch approved before
-- this table existed gets its row on its next approve.
CREATE TABLE treasury_workbooks (
    batch_id  INTEGER PRIMARY KEY REFERENCES treasury_files(batch_id),
    file_name TEXT NOT NULL,
    sha256    TEXT NOT NULL,
    bytes     BLOB NOT NULL
);
CREATE TRIGGER treasury_workbooks_append_only_update BEFORE UPDATE ON treasury_workbooks
BEGIN SELECT RAISE(ABORT, 'treasury workbooks are append-only'); END;
CREATE TRIGGER treasury_workbooks_append_only_delete BEFORE DELETE ON treasury_workbooks
BEGIN SELECT RAISE(ABORT, 'treasury workbooks are append-only'); END;
