// TreasuryHandoff: what `patsub approve` does. In one ledger transaction it records
// the approval, which payable lines the treasury file carries (export_candidates) and
// the file's rows, totals and SHA-256, and the bytes of treasury-<batch>.xlsx with theirs;
// then it writes treasury-<batch>.csv, treasury-<batch>.xlsx, a .sha256 beside each, and
// the notice list into the output folder. Approving a batch again records
// nothing and writes the same bytes from what the ledger holds (restoring a file that
// was lost or altered), so the treasury never receives two different files for a batch.
#pragma once

#include "ledger/ledger.h"
#include "ledger/review_store.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace patsub::exports {

struct HandoffResult {
    bool newly_approved = false;
    ledger::Approval approval;
    ledger::TreasuryRecord treasury;
    std::vector<std::filesystem::path> written;    // created or replaced now
    std::vector<std::filesystem::path> unchanged;  // already there with the same bytes
};

// Throws ledger::ReviewRefused (no such batch, empty name, a payee without bank details).
HandoffResult approve_batch(ledger::Ledger& ledger, std::int64_t batch_id, const std::string& by,
                            const std::filesystem::path& out_dir, const std::string& now);

}  // namespace patsub::exports
