#include "ledger/ledger_audit.h"

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
            r.breaches.push_back(fmt::format("line {}: expected line id {} (a line is missing)", l.line_id, expected_id));
        expected_id = l.line_id + 1;
        if (l.prev_hash != prev)
            r.breaches.push_back(fmt::format("line {}: does not chain to the line before it", l.line_id));
        if (line_hash(l) != l.hash)
            r.breaches.push_back(fmt::format("line {}: content does not match its hash (edited outside patsub)", l.line_id));
        if (!l.grant_id.empty() && !ids::is_canonical_grant_id(l.grant_id))
            r.breaches.push_back(fmt::format("line {}: grant id '{}' is not an ASCII grant id", l.line_id, l.grant_id));
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
        {"SELECT grant_id, clause FROM ledger_lines WHERE status = 'payable' AND grant_id <> '' "
         "GROUP BY grant_id, clause HAVING count(*) > 1",
         "grant {} paid more than once under clause {}"},
        {"SELECT payee_uscc, clause FROM ledger_lines WHERE status = 'payable' AND grant_id = '' "
         "GROUP BY payee_uscc, clause HAVING count(*) > 1",
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
         "AND r.grant_id = l.grant_id AND r.clause = l.clause) GROUP BY g.application_number HAVING count(*) > 1",
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

void check_cap(Ledger& ledger, const CapRule& cap, AuditResult& r) {
    SQLite::Statement q(ledger.db(),
                        "SELECT f.family, l.office, l.clause FROM ledger_lines l JOIN families f "
                        "ON f.grant_id = l.grant_id WHERE l.status = 'payable' ORDER BY f.family");
    std::map<std::string, std::set<std::string>> funded;
    while (q.executeStep())
        if (cap.clauses.count(q.getColumn(2).getString()))
            funded[q.getColumn(0).getString()].insert(q.getColumn(1).getString());
    for (const auto& [family, offices] : funded)
        if (static_cast<int>(offices.size()) > cap.max_jurisdictions)
            r.breaches.push_back(fmt::format("family {} funded in {} jurisdictions ({}), over the cap of {}", family,
                                             offices.size(), fmt::join(offices, ", "), cap.max_jurisdictions));
}

AuditResult check_chain(Ledger& ledger) {
    AuditResult r;
    check_chain_into(ledger, r);
    return r;
}

AuditResult audit(Ledger& ledger, const CapRule& cap) {
    AuditResult r;
    check_chain_into(ledger, r);
    check_queries(ledger, r);
    check_cap(ledger, cap, r);
    check_treasury(ledger, r.breaches);
    check_event_chain(ledger, r.breaches);
    return r;
}

}  // namespace patsub::ledger
