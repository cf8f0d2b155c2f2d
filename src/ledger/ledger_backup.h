// LedgerBackup: a consistent copy of the ledger taken before each nightly run with
// SQLite's VACUUM INTO (never a file copy, which could catch a WAL half-applied), the
// newest `keep` copies kept. A copy counts only once it is verified: it is written under a
// temporary name, checked (PRAGMA integrity_check and the hash chain `verify` recomputes),
// fsynced and only then renamed to ledger-<UTC>.sqlite, so a kill at any moment leaves
// either no new copy or a whole, checked one. Restoring is `cp` of such a copy.
#pragma once

#include <filesystem>
#include <stdexcept>

namespace patsub::ledger {

// A copy that failed its check (removed again): the ledger or the disk needs a person.
class BackupFailed : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Writes DIR/ledger-<UTC timestamp>.sqlite, verified, and removes the oldest verified
// copies beyond `keep` (never the one just written). Leftover temporaries of a killed
// backup are removed. Returns the new copy's path.
std::filesystem::path back_up(const std::filesystem::path& db, const std::filesystem::path& dir, int keep);

// "ledger-20261231T173000Z.sqlite", "ledger-20261231T173000Z-2.sqlite": the names of
// finished, verified copies; nothing else in the folder is a backup.
bool is_backup_name(const std::string& file_name);

}  // namespace patsub::ledger
