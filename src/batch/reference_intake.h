// ReferenceIntake: the lists a batch reads before it writes anything. The payee
// registry snapshots (every file, every run, so that a bad one refuses the run) and the dispute,
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

// One payees file of the inbox, validated whole.
struct PayeeSnapshot {
    InboxFile file;
    std::string sha256;
    std::vector<Payee> rows;
};

// Every snapshot in inbox/payees, in file-name order; each file's SHA-256 through the
// run's InboxHashes (a known file is not read for it).
std::vector<PayeeSnapshot> read_payee_snapshots(const Inbox& inbox, const Policy& policy, Date as_of,
                                                InboxHashes& hashes);

// The registry a run decides with (policy.md reading 18): the latest snapshot. When the
// run takes new payees files (not known by SHA-256), the one with the greatest name;
// otherwise the latest the ledger recorded (its file may have left the inbox). A file
// known already is not new and never becomes the latest again.
PayeeRegistry latest_registry(const std::vector<PayeeSnapshot>& snapshots, ledger::Ledger& ledger);

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
