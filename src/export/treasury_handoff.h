// TreasuryHandoff: what `patsub approve` does. In one ledger transaction it records
// the approval, which payable lines the treasury file carries (export_candidates) and
// the file's rows, totals and SHA-256, and the bytes of treasury-<batch>.xlsx with theirs;
// then it writes treasury-<batch>.csv, treasury-<batch>.xlsx and a .sha256 beside each into
// the output folder. A first approval needs the batch's public notice published and its
// period over (policy.md reading 19; ledger::NoticeStore::approval_refusal), and pays only
// lines that notice proposed; the notice files are written when it is published
// (src/notice/public_notice.h), no longer here. Approving a batch again records
// nothing and writes the same bytes from what the ledger holds (restoring a file that
// was lost or altered), so the treasury never receives two different files for a batch.
#pragma once

#include "ledger/ledger.h"
#include "ledger/review_store.h"
#include "model/date.h"

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

// Throws ledger::ReviewRefused (no such batch, empty name, a payee without bank details,
// no notice published or its period not over on `today`, the bureau's date).
HandoffResult approve_batch(ledger::Ledger& ledger, std::int64_t batch_id, const std::string& by,
                            const std::filesystem::path& out_dir, const std::string& now, Date today);

}  // namespace patsub::exports
