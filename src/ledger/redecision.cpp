#include "ledger/redecision.h"

#include "ledger/batch_news.h"

#include <SQLiteCpp/Statement.h>

namespace patsub::ledger {

namespace {

// The latest line about a grant, whatever its clause: what the grant stands at now.
constexpr const char* latest_of_grant =
    "l.line_id = (SELECT MAX(m.line_id) FROM ledger_lines m WHERE m.grant_id = l.grant_id)";

std::vector<std::string> grant_ids(SQLite::Statement& q) {
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
}

}  // namespace

std::vector<std::string> capped_beside(Ledger& ledger, const std::vector<std::string>& recovered) {
    std::vector<std::string> out;
    SQLite::Statement q(ledger.db(),
                        std::string("SELECT l.grant_id FROM families r JOIN families f ON f.family = r.family "
                                    "JOIN ledger_lines l ON l.grant_id = f.grant_id "
                                    "WHERE r.grant_id = ? AND l.status = 'rejected' AND l.reason = 'cap_reached' AND ") +
                            latest_of_grant + " ORDER BY l.line_id");
    for (const auto& id : recovered) {
        q.reset();
        q.bind(1, id);
        for (auto& g : grant_ids(q)) out.push_back(std::move(g));
    }
    return out;
}

std::vector<std::string> recovered_for_dispute(Ledger& ledger, std::int64_t batch_id) {
    SQLite::Statement q(ledger.db(), std::string("WITH ") + named_by_batch_records +
                                         " SELECT l.grant_id FROM named n CROSS JOIN ledger_lines l ON l.grant_id = n.grant_id "
                                         "WHERE l.status = 'recovery' AND l.reason = 'dispute_open' AND " +
                                         latest_of_grant + " ORDER BY l.line_id");
    q.bind(1, batch_id);
    return grant_ids(q);
}

std::vector<std::string> held_for(Ledger& ledger, const std::vector<std::string>& reasons) {
    std::vector<std::string> out;
    if (reasons.empty()) return out;
    std::string marks;
    for (std::size_t i = 0; i < reasons.size(); ++i) marks += i ? ",?" : "?";
    SQLite::Statement q(ledger.db(), "SELECT l.grant_id FROM ledger_lines l WHERE l.status = 'held' AND l.reason IN (" +
                                         marks + ") AND l.grant_id <> '' AND " + latest_of_grant + " ORDER BY l.line_id");
    for (std::size_t i = 0; i < reasons.size(); ++i) q.bind(static_cast<int>(i) + 1, reasons[i]);
    return grant_ids(q);
}

std::vector<std::string> held_touched_by(Ledger& ledger, std::int64_t batch_id) {
    SQLite::Statement q(
        ledger.db(),
        std::string("WITH ") + named_by_batch_records +
            ", fresh(grant_id, application_number) AS (SELECT grant_id, application_number FROM grants "
            "  WHERE first_batch = ?1), "
            "touched(grant_id) AS (SELECT grant_id FROM named "
            "  UNION SELECT g.grant_id FROM fresh n JOIN grants g ON g.application_number = n.application_number "
            "    AND +g.office = 'CN' WHERE n.application_number <> '' "
            "  UNION SELECT m.grant_id FROM fresh n JOIN families f ON f.grant_id = n.grant_id "
            "    JOIN families m ON m.family = f.family) "
            // CROSS JOIN keeps the few touched grants outside: SQLite would otherwise read
            // every line and look each up among them.
            "SELECT l.grant_id FROM touched t CROSS JOIN ledger_lines l ON l.grant_id = t.grant_id "
            "WHERE l.status = 'held' AND " + latest_of_grant + " ORDER BY l.line_id");
    q.bind(1, batch_id);
    return grant_ids(q);
}

std::set<std::string> recovered_jurisdictions(Ledger& ledger, const std::string& family,
                                              const std::set<std::string>& cap_clauses) {
    SQLite::Statement q(ledger.db(),
                        "SELECT DISTINCT l.office, l.clause FROM ledger_lines l JOIN families f "
                        "ON f.grant_id = l.grant_id WHERE f.family = ? AND l.status = 'payable' "
                        "AND EXISTS (SELECT 1 FROM ledger_lines r WHERE r.event_key <> '' AND r.event_key = 'recover' || substr(l.event_key, 4))");
    q.bind(1, family);
    std::set<std::string> offices;
    while (q.executeStep())
        if (cap_clauses.count(q.getColumn(1).getString())) offices.insert(q.getColumn(0).getString());
    return offices;
}

}  // namespace patsub::ledger
