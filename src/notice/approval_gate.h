// ApprovalGate: whether a batch may be approved for payment today (policy.md reading 19:
// only after its notice period ended). The rule itself lives with the ledger's notice
// records (ledger::NoticeStore::approval_refusal), so that `approve` checks it inside its
// own transaction; this is how the workbench and the command line ask before offering it.
#pragma once

#include "ledger/ledger.h"
#include "ledger/notice_store.h"
#include "model/date.h"

#include <cstdint>
#include <optional>
#include <string>

namespace patsub::notice {

struct ApprovalGate {
    bool open = false;
    std::string refusal;  // why not, naming the period's last day; empty when open
    std::optional<ledger::NoticePublication> publication;
    bool approved = false;  // approved already: approving again changes nothing
};

// `today`: the bureau's date (local_date(now(), zone)).
ApprovalGate approval_open(ledger::Ledger& ledger, std::int64_t batch_id, Date today);

}  // namespace patsub::notice
