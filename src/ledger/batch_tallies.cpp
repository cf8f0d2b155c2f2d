#include "ledger/batch_tallies.h"

#include <fmt/format.h>

namespace patsub::ledger {

std::vector<BatchTally> batch_tallies(Ledger& ledger, std::int64_t batch_id) {
    std::vector<BatchTally> out;
    SQLite::Statement q(ledger.db(), "SELECT status, clause, reason, payee_uscc, lines, fen FROM batch_tallies "
                                     "WHERE batch_id = ? ORDER BY status, clause, reason, payee_uscc");
    q.bind(1, batch_id);
    while (q.executeStep())
        out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                       q.getColumn(3).getString(), q.getColumn(4).getInt64(), q.getColumn(5).getInt64()});
    return out;
}

std::vector<std::string> tally_breaches(Ledger& ledger) {
    std::vector<std::string> out;
    // Both directions: a tally without its lines, and lines without (or unlike) their tally.
    SQLite::Statement q(ledger.db(), R"(
        WITH counted AS (SELECT batch_id, status, clause, reason, payee_uscc, count(*) AS lines, sum(amount_fen) AS fen
                         FROM ledger_lines GROUP BY batch_id, status, clause, reason, payee_uscc)
        SELECT c.batch_id, c.status, c.clause, c.reason, c.payee_uscc, c.lines, c.fen,
               COALESCE(t.lines, 0), COALESCE(t.fen, 0)
        FROM counted c LEFT JOIN batch_tallies t USING (batch_id, status, clause, reason, payee_uscc)
        WHERE t.lines IS NOT c.lines OR t.fen IS NOT c.fen
        UNION ALL
        SELECT t.batch_id, t.status, t.clause, t.reason, t.payee_uscc, 0, 0, t.lines, t.fen
        FROM batch_tallies t WHERE NOT EXISTS (SELECT 1 FROM counted c WHERE c.batch_id = t.batch_id
            AND c.status = t.status AND c.clause = t.clause AND c.reason = t.reason AND c.payee_uscc = t.payee_uscc)
        ORDER BY 1, 2, 3, 4, 5)");
    while (q.executeStep())
        out.push_back(fmt::format("batch {} tally ({}, clause '{}', reason '{}', payee '{}') says {} lines, {} fen; "
                                  "its lines are {} lines, {} fen",
                                  q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                                  q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(7).getInt64(),
                                  q.getColumn(8).getInt64(), q.getColumn(5).getInt64(), q.getColumn(6).getInt64()));
    return out;
}

}  // namespace patsub::ledger
