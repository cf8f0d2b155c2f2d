#include "ledger/candidate_store.h"

namespace patsub::ledger {

CandidateStore::CandidateStore(Ledger& ledger) : ledger_(ledger), statements_(ledger.db()) {
    auto& db = ledger_.db();
    db.exec("CREATE TEMP TABLE IF NOT EXISTS run_candidates ("
            " seq INTEGER PRIMARY KEY, grant_id TEXT NOT NULL, prospective_fen INTEGER NOT NULL,"
            " date TEXT NOT NULL, office TEXT NOT NULL)");
    // prospective_fen descending: reading 7 pays the largest amounts first.
    db.exec("CREATE INDEX IF NOT EXISTS temp.run_candidates_order ON run_candidates"
            " (prospective_fen DESC, date, office, grant_id, seq)");
    db.exec("CREATE INDEX IF NOT EXISTS temp.run_candidates_grant ON run_candidates (grant_id)");
    db.exec("DELETE FROM temp.run_candidates");
}

void CandidateStore::add(const Entry& e) {
    auto q = statements_.get(
        "INSERT INTO temp.run_candidates (seq, grant_id, prospective_fen, date, office) VALUES (?, ?, ?, ?, ?)");
    q->bind(1, size_ + 1);
    q->bind(2, e.grant_id);
    q->bind(3, static_cast<int64_t>(e.prospective_fen));
    q->bind(4, e.date);
    q->bind(5, e.office);
    q->exec();
    ++size_;
}

void CandidateStore::truncate(std::int64_t n) {
    if (n >= size_) return;
    auto q = statements_.get("DELETE FROM temp.run_candidates WHERE seq > ?");
    q->bind(1, static_cast<int64_t>(n));
    q->exec();
    size_ = n;
}

bool CandidateStore::contains(const std::string& grant_id) {
    auto q = statements_.get("SELECT 1 FROM temp.run_candidates WHERE grant_id = ? LIMIT 1");
    q->bind(1, grant_id);
    return q->executeStep();
}

void CandidateStore::for_each_in_decision_order(const std::function<void(Entry&&)>& each) {
    // Its own statement, not a cached one: `each` decides and writes through the cache.
    SQLite::Statement q(ledger_.db(),
                        "SELECT grant_id, prospective_fen, date, office FROM temp.run_candidates"
                        " ORDER BY prospective_fen DESC, date, office, grant_id, seq");
    while (q.executeStep())
        each(Entry{q.getColumn(0).getString(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                   q.getColumn(3).getString()});
}

}  // namespace patsub::ledger
