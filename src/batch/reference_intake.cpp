#include "batch/reference_intake.h"

#include "ledger/payee_store.h"


namespace patsub::batch {

lists::PayeeRules payee_rules(const Policy& policy, Date as_of) {
    const PolicyVersion& v = policy.nearest(as_of);
    return lists::PayeeRules{v.payee_districts, v.payee_registration_divisions};
}

std::vector<PayeeSnapshot> read_payee_snapshots(const Inbox& inbox, const Policy& policy, Date as_of,
                                                InboxHashes& hashes) {
    const lists::PayeeRules rules = payee_rules(policy, as_of);
    std::vector<PayeeSnapshot> out;
    for (const auto& f : inbox.files("payees")) out.push_back({f, hashes.sha256_of(f), lists::read_payee_list(f.path, rules)});
    return out;
}

PayeeRegistry latest_registry(const std::vector<PayeeSnapshot>& snapshots, ledger::Ledger& ledger) {
    const PayeeSnapshot* newest = nullptr;
    for (const auto& s : snapshots)
        if (!ledger.knows_file(s.sha256) && (!newest || newest->file.shown < s.file.shown)) newest = &s;
    if (newest) return PayeeRegistry(newest->rows);
    ledger::PayeeStore store(ledger);
    const auto latest = store.latest_snapshot();
    return latest ? PayeeRegistry(store.snapshot_rows(latest->sha256)) : PayeeRegistry();
}

std::vector<NewList> read_new_lists(const Inbox& inbox, ledger::Ledger& ledger, InboxHashes& hashes) {
    std::vector<NewList> out;
    for (const auto& f : inbox.files("disputes")) {
        auto sha = hashes.sha256_of(f);
        if (!ledger.knows_file(sha)) out.push_back({f, sha, lists::read_dispute_list(f.path)});
    }
    for (const auto& f : inbox.files("abnormal")) {
        auto sha = hashes.sha256_of(f);
        if (!ledger.knows_file(sha)) out.push_back({f, sha, lists::read_abnormal_list(f.path)});
    }
    for (const auto& f : inbox.files("enterprises")) {
        auto sha = hashes.sha256_of(f);
        if (!ledger.knows_file(sha)) out.push_back({f, sha, lists::read_enterprise_list(f.path)});
    }
    return out;
}

}  // namespace patsub::batch
