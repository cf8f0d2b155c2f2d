#include "batch/ledger_facts.h"

#include "parsers/lists/reference_rows.h"

namespace patsub::batch {

bool LedgerFacts::paid(const std::string& office, const std::string& number, const std::string& clause) {
    const int next = next_payment_round(office, number, clause);
    // The last payment made stands unless its own recovery was written, or it was held
    // before export because its payee left the registry (reading 18).
    return next > 1 && !ledger_.has_event(recovery_key(office, number, clause, next - 1)) &&
           !ledger_.has_event(left_registry_key_for(payment_key(office, number, clause, next - 1)));
}

namespace {

// The first round whose money key (key_of(round)) the ledger has not written.
template <class KeyOf>
int first_unwritten_round(ledger::Ledger& ledger, const KeyOf& key_of) {
    int round = 1;
    while (ledger.has_event(key_of(round))) ++round;
    return round;
}

}  // namespace

int LedgerFacts::next_payment_round(const std::string& office, const std::string& number, const std::string& clause) {
    return first_unwritten_round(ledger_, [&](int round) { return payment_key(office, number, clause, round); });
}

int LedgerFacts::next_award_round(const std::string& uscc, const std::string& clause) {
    return first_unwritten_round(ledger_, [&](int round) { return award_key(uscc, clause, round); });
}

bool LedgerFacts::awarded(const std::string& uscc, const std::string& clause) {
    const int next = next_award_round(uscc, clause);
    return next > 1 && !ledger_.has_event(left_registry_key_for(award_key(uscc, clause, next - 1)));
}

FamilyStanding LedgerFacts::family(const Grant& g, const std::set<std::string>& cap_clauses) {
    FamilyStanding s;
    s.family = families_.family_of(grant_id(g));
    if (s.family.empty()) {
        s.members = {grant_id(g)};
        return s;
    }
    s.members = families_.members(s.family);
    s.funded = families_.funded(s.family, cap_clauses);
    return s;
}

std::optional<DisputeStanding> LedgerFacts::dispute(const Grant& g) {
    std::vector<std::string> keys{lists::publication_key(g.office, g.number)};
    if (g.office == "CN" && !g.application_number.empty())
        keys.push_back(lists::cn_application_key(g.application_number));
    return references_.latest_dispute(keys);
}

std::optional<AbnormalStanding> LedgerFacts::abnormal(const Grant& g) {
    // Abnormal-application notices are CNIPA's and name CN application numbers only.
    if (g.office != "CN" || g.application_number.empty()) return std::nullopt;
    return references_.abnormal(g.application_number);
}

std::vector<SamePatent> LedgerFacts::same_application(const Grant& g) {
    std::vector<SamePatent> out;
    if (g.office != "CN") return out;
    for (auto& s : ledger_.same_application(g.application_number, grant_id(g)))
        out.push_back({std::move(s.grant_id), patent_type_from(s.patent_type).value_or(PatentType::other),
                       s.recorded_before, std::move(s.paid_clause)});
    return out;
}

std::optional<std::pair<std::string, std::string>> LedgerFacts::former_payee(const Grant& g) {
    return ledger_.last_payee_of(grant_id(g));
}

}  // namespace patsub::batch
