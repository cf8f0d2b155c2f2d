// CandidateStore: the grants one run will decide, waiting for their turn in the run's
// temporary database (SQLite's TEMP schema: a scratch file with its own small page cache,
// gone with the connection, rolled back with the batch) instead of in memory. A first
// load of a whole country's Kunming grants (1,050,000 in one batch) held them as a list,
// sorted a copy and built a set of their ids for each "already queued?" question: 265 MB
// (issue 17: every command stays small). The decision order is an index here, so they
// are read back in turn one at a time.
#pragma once

#include "ledger/ledger.h"
#include "ledger/statement_cache.h"

#include <cstdint>
#include <functional>
#include <string>

namespace patsub::ledger {

class CandidateStore {
  public:
    // What orders a candidate (policy.md reading 7); its facts are in the ledger.
    struct Entry {
        std::string grant_id;
        std::int64_t prospective_fen = 0;
        std::string date;  // ISO; "" when the grant has no date (it sorts first)
        std::string office;
    };

    // One per run on `ledger`'s connection: empties what an earlier run on it left.
    explicit CandidateStore(Ledger& ledger);

    void add(const Entry& e);
    // How many were added; truncate(n) takes back everything added after the first n.
    std::int64_t size() const { return size_; }
    void truncate(std::int64_t n);
    bool contains(const std::string& grant_id);

    // Highest amount first, then the earliest date, the office code, the grant id, and
    // the order they were added (a grant read twice is decided twice, as it was added).
    void for_each_in_decision_order(const std::function<void(Entry&&)>& each);

  private:
    Ledger& ledger_;
    StatementCache statements_;
    std::int64_t size_ = 0;
};

}  // namespace patsub::ledger
