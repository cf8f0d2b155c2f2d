#include "ledger/family_store.h"

#include "ledger/standing_payment.h"
#include "ledger/ledger.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>

namespace patsub::ledger {

FamilyStore::FamilyStore(Ledger& ledger) : statements_(ledger.db()) {}

std::string FamilyStore::link(const std::string& grant_id, const std::vector<std::string>& keys) {
    for (const auto& k : keys) {
        auto add_key = statements_.get("INSERT OR IGNORE INTO family_keys (key, grant_id) VALUES (?, ?)");
        add_key->bind(1, k);
        add_key->bind(2, grant_id);
        add_key->exec();
    }
    // Every family that already holds one of this grant's keys, and the grant's own.
    std::vector<std::string> families;
    {
        auto sharing = statements_.get("SELECT DISTINCT f.family FROM family_keys mine "
                                       "JOIN family_keys other ON other.key = mine.key "
                                       "JOIN families f ON f.grant_id = other.grant_id WHERE mine.grant_id = ?");
        sharing->bind(1, grant_id);
        while (sharing->executeStep()) families.push_back(sharing->getColumn(0).getString());
    }
    if (auto own = family_of(grant_id); !own.empty()) families.push_back(own);

    std::string family = "FAM-" + grant_id;
    if (!families.empty()) family = *std::min_element(families.begin(), families.end());
    for (const auto& f : families) {
        if (f == family) continue;
        auto merge = statements_.get("UPDATE families SET family = ? WHERE family = ?");
        merge->bind(1, family);
        merge->bind(2, f);
        merge->exec();
    }
    auto put = statements_.get("INSERT OR REPLACE INTO families (grant_id, family) VALUES (?, ?)");
    put->bind(1, grant_id);
    put->bind(2, family);
    put->exec();
    return family;
}

std::string FamilyStore::family_of(const std::string& grant_id) {
    auto q = statements_.get("SELECT family FROM families WHERE grant_id = ?");
    q->bind(1, grant_id);
    return q->executeStep() ? q->getColumn(0).getString() : std::string();
}

std::vector<std::string> FamilyStore::members(const std::string& family) {
    auto q = statements_.get("SELECT grant_id FROM families WHERE family = ? ORDER BY grant_id");
    q->bind(1, family);
    std::vector<std::string> out;
    while (q->executeStep()) out.push_back(q->getColumn(0).getString());
    return out;
}

std::set<std::string> FamilyStore::funded(const std::string& family, const std::set<std::string>& cap_clauses) {
    // A payment taken back frees its slot (policy.md reading 15); so does one held before
    // export because its payee left the registry (reading 18): it was never paid.
    static const std::string sql = "SELECT DISTINCT l.office, l.clause FROM ledger_lines l JOIN families f "
                                   "ON f.grant_id = l.grant_id WHERE f.family = ? AND l.status = 'payable' AND " +
                                   standing_payment("l");
    auto q = statements_.get(sql.c_str());  // static: the statement cache keys on the text
    q->bind(1, family);
    std::set<std::string> offices;
    while (q->executeStep())
        if (cap_clauses.count(q->getColumn(1).getString())) offices.insert(q->getColumn(0).getString());
    return offices;
}

}  // namespace patsub::ledger
