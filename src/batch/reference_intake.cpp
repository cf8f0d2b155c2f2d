#include "batch/reference_intake.h"


#include <iterator>

namespace patsub::batch {

lists::PayeeRules payee_rules(const Policy& policy, Date as_of) {
    const PolicyVersion& v = policy.nearest(as_of);
    return lists::PayeeRules{v.payee_districts, v.payee_registration_divisions};
}

PayeeRegistry load_payees(const Inbox& inbox, const Policy& policy, Date as_of) {
    const lists::PayeeRules rules = payee_rules(policy, as_of);
    std::vector<Payee> all;
    for (const auto& f : inbox.files("payees")) {
        auto rows = lists::read_payee_list(f.path, rules);
        all.insert(all.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
    }
    return PayeeRegistry(std::move(all));
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
