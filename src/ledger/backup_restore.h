// BackupRestore: a ledger rebuilt from a backup chain (backup_chain.h): full.sqlite, then
// every increment `state` counts, in order (or up to a chosen one). Each step is checked
// against the digests the chain recorded, so a missing, reordered or altered file stops
// the restore naming it; the result then passes PRAGMA integrity_check and the hash chain
// before it is renamed to the path asked for. The restored file is byte for byte the
// ledger's file as the backup read it (WAL checkpointed into it).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

namespace patsub::ledger {

// The chain cannot give the ledger asked for: exit 2, nothing written at the target.
class RestoreRefused : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Restored {
    std::int64_t increments = 0;  // applied after full.sqlite
    std::int64_t pages = 0;
    std::string digest;
};

// Rebuilds `target` (which must not exist) from `chain`, up to increment `upto` when
// given (0: the full copy alone).
Restored restore_chain(const std::filesystem::path& chain, const std::filesystem::path& target,
                       std::optional<std::int64_t> upto);

}  // namespace patsub::ledger
