#include "ledger/ledger_audit.h"

#include "ledger/standing_payment.h"

#include "ledger/batch_tallies.h"
#include "ledger/chain_audit.h"
#include "parsers/ids/grant_id.h"
#include "ledger/treasury_audit.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <map>
#include <set>

namespace patsub::ledger {

namespace {

void check_chain_into(Ledger& ledger, AuditResult& r) {
    std::string prev = std::string(64, '0');
    std::int64_t expected_id = 1;
    ledger.for_each_line({}, [&](LedgerLine&& l) {
        ++r.lines;
        if (l.line_id != expected_id)
            r.breaches.add("line {}: expected line id {} (a line is missing)", l.line_id, expected_id);
        expected_id = l.line_id + 1;
        if (l.prev_hash != prev)
            r.breaches.add("line {}: does not chain to the line before it", l.line_id);
        if (line_hash(l) != l.hash)
            r.breaches.add("line {}: content does not match its hash (edited outside patsub)", l.line_id);
        if (!l.grant_id.empty() && !ids::is_canonical_grant_id(l.grant_id))
            r.breaches.add("line {}: grant id '{}' is not an ASCII grant id", l.line_id, l.grant_id);
        prev = l.hash;
    });
}

void check_queries(Ledger& ledger, AuditResult& r) {
    struct Rule {
        const char* sql;
        const char* breach;
    };
    // Each query lists offending rows as (a, b): the sentence names them.
    const Rule rules[] = {
        // A payment taken back and made again after its dispute closed (policy.md
        // reading 16) is one standing payment: payments less recoveries, less payments
        // held before export because the payee left the registry (reading 18).
        {"SELECT grant_id, clause FROM ledger_lines WHERE (status IN ('payable', 'recovery') "
         "OR event_key LIKE 'left|pay|%') AND grant_id <> '' GROUP BY grant_id, clause "
         "HAVING sum(status = 'payable') - sum(status = 'recovery') - sum(event_key LIKE 'left|pay|%') > 1",
         "grant {} paid more than once under clause {}"},
        // An award held before export because the enterprise left the registry no longer
        // stands; the enterprise's return makes it again (reading 18).
        {"SELECT payee_uscc, clause FROM ledger_lines WHERE (status = 'payable' OR event_key LIKE 'left|award|%') "
         "AND grant_id = '' GROUP BY payee_uscc, clause "
         "HAVING sum(status = 'payable') - sum(event_key LIKE 'left|award|%') > 1",
         "enterprise {} awarded more than once under clause {}"},
        {"SELECT r.line_id, r.grant_id FROM ledger_lines r WHERE r.status = 'recovery' AND NOT EXISTS "
         "(SELECT 1 FROM ledger_lines p WHERE p.status = 'payable' AND p.grant_id = r.grant_id "
         "AND p.clause = r.clause AND p.line_id < r.line_id)",
         "recovery line {} for {} refers to no earlier payment"},
        // Policy.md reading 12: a CN patent is its application number; two standing
        // payments on one application pay one patent twice, whatever the publications.
        {"SELECT g.application_number, group_concat(l.grant_id || ' ' || l.clause, ', ') FROM ledger_lines l "
         "JOIN grants g ON g.grant_id = l.grant_id WHERE l.status = 'payable' AND g.office = 'CN' "
         "AND g.application_number <> '' AND NOT EXISTS (SELECT 1 FROM ledger_lines r WHERE r.status = 'recovery' "
         "AND r.grant_id = l.grant_id AND r.clause = l.clause) AND NOT EXISTS (SELECT 1 FROM ledger_lines h "
         "WHERE h.event_key <> '' AND h.event_key = 'left|' || l.event_key) GROUP BY g.application_number HAVING count(*) > 1",
         "CN application {} is paid more than once: {}"},
        {"SELECT line_id, status FROM ledger_lines WHERE (status = 'payable' AND amount_fen <= 0) "
         "OR (status = 'recovery' AND amount_fen >= 0) OR (status IN ('held','rejected') AND amount_fen <> 0)",
         "line {}: amount does not fit status {}"},
    };
    for (const auto& rule : rules) {
        SQLite::Statement q(ledger.db(), rule.sql);
        while (q.executeStep())
            r.breaches.push_back(fmt::format(fmt::runtime(rule.breach), q.getColumn(0).getString(),
                                             q.getColumn(1).getString()));
    }
}

}  // namespace

namespace {

// Each standing payment under a counting clause is checked against the cap of its own
// grant (the version in force on its date): the family may be funded in no more
// jurisdictions than that cap allows.
void check_cap(Ledger& ledger, const CapFor& cap_for, AuditResult& r) {
    struct Payment {
        std::string office, clause;
        std::optional<Date> date;
    };
    SQLite::Statement q(ledger.db(),
                        "SELECT f.family, l.office, l.clause, g.date FROM ledger_lines l JOIN families f "
                        "ON f.grant_id = l.grant_id LEFT JOIN grants g ON g.grant_id = l.grant_id "
                        "WHERE l.status = 'payable' AND " + standing_payment("l") + " ORDER BY f.family");
    // One family at a time (the query is in family order): a million payments are never held.
    std::string family;
    std::vector<Payment> payments;
    const auto check_family = [&] {
        for (const auto& p : payments) {
            const CapRule cap = cap_for(p.date);
            if (!cap.clauses.count(p.clause)) continue;
            std::set<std::string> offices;
            for (const auto& other : payments)
                if (cap.clauses.count(other.clause)) offices.insert(other.office);
            if (static_cast<int>(offices.size()) <= cap.max_jurisdictions) continue;
            r.breaches.push_back(fmt::format("family {} funded in {} jurisdictions ({}), over the cap of {}", family,
                                             offices.size(), fmt::join(offices, ", "), cap.max_jurisdictions));
            break;
        }
    };
    while (q.executeStep()) {
        std::string f = q.getColumn(0).getString();
        if (f != family) {
            check_family();
            family = std::move(f);
            payments.clear();
        }
        payments.push_back({q.getColumn(1).getString(), q.getColumn(2).getString(), date_from_iso(q.getColumn(3).getString())});
    }
    check_family();
}

}  // namespace

AuditResult check_chain(Ledger& ledger) {
    AuditResult r;
    check_chain_into(ledger, r);
    return r;
}

AuditResult audit(Ledger& ledger, const CapRule& cap) {
    return audit(ledger, [&cap](std::optional<Date>) { return cap; });
}

AuditResult audit(Ledger& ledger, const CapFor& cap_for) {
    AuditResult r;
    check_chain_into(ledger, r);
    check_queries(ledger, r);
    check_cap(ledger, cap_for, r);
    check_treasury(ledger, r.breaches);
    check_event_chain(ledger, r.breaches);
    for (auto& b : tally_breaches(ledger)) r.breaches.push_back(std::move(b));
    return r;
}

}  // namespace patsub::ledger
