// ReferenceIntake: the lists a batch reads before it writes anything. The payee
// registry (every snapshot, every run: it decides who is paid) and the dispute,
// abnormal-application and enterprise lists not seen before, each validated whole: a
// bad row in any of them stops the run with the ledger untouched (contract.md).
#pragma once

#include "batch/inbox.h"
#include "batch/inbox_hashes.h"
#include "decide/payee_registry.h"
#include "ledger/ledger.h"
#include "model/date.h"
#include "parsers/lists/payee_list.h"
#include "parsers/lists/reference_rows.h"
#include "policy/policy.h"

#include <string>
#include <variant>
#include <vector>

namespace patsub::batch {

// What the policy version in force on `as_of` accepts as a Kunming payee.
lists::PayeeRules payee_rules(const Policy& policy, Date as_of);

// The union of every snapshot in inbox/payees, later files winning.
PayeeRegistry load_payees(const Inbox& inbox, const Policy& policy, Date as_of);

// A reference list seen for the first time, already validated whole.
struct NewList {
    InboxFile file;
    std::string sha256;
    std::variant<std::vector<lists::DisputeRow>, std::vector<lists::AbnormalRow>, std::vector<lists::EnterpriseRow>>
        rows;
};

// Every dispute, abnormal and enterprise list the ledger does not know yet.
std::vector<NewList> read_new_lists(const Inbox& inbox, ledger::Ledger& ledger, InboxHashes& hashes);

}  // namespace patsub::batch
