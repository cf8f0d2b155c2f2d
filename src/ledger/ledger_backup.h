// LedgerBackup: a consistent copy of the ledger taken before each nightly run with
// SQLite's VACUUM INTO (never a file copy, which could catch a WAL half-applied), the
// newest `keep` copies kept.
#pragma once

#include <filesystem>

namespace patsub::ledger {

// Writes DIR/ledger-<UTC timestamp>.sqlite and removes the oldest copies beyond `keep`.
// Returns the new copy's path.
std::filesystem::path back_up(const std::filesystem::path& db, const std::filesystem::path& dir, int keep);

}  // namespace patsub::ledger
