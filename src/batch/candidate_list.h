// CandidateList: the grants one run will decide, and the count of those it left out of
// scope. Deciding waits until every file is read, because candidates of one run compete
// for the last cap slots of a family (policy.md reading 7); a quarantined file takes
// back what it brought (rollback to the mark set when it began). The candidates wait in
// the ledger's temporary store (ledger/candidate_store.h), not in memory, so a first
// load of a million grants stays small.
#pragma once

#include "ledger/candidate_store.h"
#include "model/date.h"
#include "model/money.h"

#include <functional>
#include <optional>
#include <string>

namespace patsub::batch {

// A grant waiting to be decided: only what orders it. Its facts are in the ledger
// (recorded when it was read) and are loaded again when its turn comes.
struct Candidate {
    std::string grant_id;
    Money prospective;  // what it would earn: first sort key for the cap (reading 7)
    std::optional<Date> date;
    std::string office;
};

class CandidateList {
  public:
    // One per run on `ledger`'s connection.
    explicit CandidateList(ledger::Ledger& ledger) : store_(ledger) {}

    void add(const Candidate& c);
    void out_of_scope() { ++out_of_scope_; }
    bool contains(const std::string& grant_id) { return store_.contains(grant_id); }

    // A file begins: what it adds can be taken back whole.
    void mark() { mark_ = {store_.size(), out_of_scope_}; }
    void back_to_mark() {
        store_.truncate(mark_.candidates);
        out_of_scope_ = mark_.out_of_scope;
    }

    // In the order they are decided: highest amount first, then the earliest grant date,
    // then the office code (policy.md reading 7), then the grant id, so that the order
    // never depends on file names; a grant added twice comes twice, in the order added.
    void for_each_in_decision_order(const std::function<void(Candidate&&)>& each);
    int out_of_scope_count() const { return out_of_scope_; }

  private:
    struct Mark {
        std::int64_t candidates = 0;
        int out_of_scope = 0;
    };
    ledger::CandidateStore store_;
    int out_of_scope_ = 0;
    Mark mark_;
};

}  // namespace patsub::batch
