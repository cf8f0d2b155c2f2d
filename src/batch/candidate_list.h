// CandidateList: the grants one run will decide, and the count of those it left out of
// scope. Deciding waits until every file is read, because candidates of one run compete
// for the last cap slots of a family (policy.md reading 7); a quarantined file takes
// back what it brought (rollback to the mark set when it began).
#pragma once

#include "model/date.h"
#include "model/money.h"

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace patsub::batch {

// A grant waiting to be decided: only what orders it. Its facts are in the ledger
// (recorded when it was read) and are loaded again when its turn comes, so that a run
// over millions of grants does not hold every Kunming grant in memory.
struct Candidate {
    std::string grant_id;
    Money prospective;  // what it would earn: first sort key for the cap (reading 7)
    std::optional<Date> date;
    std::string office;
};

// The order in which candidates are decided: highest amount first, then the earliest
// grant date, then the office code (policy.md reading 7), then the grant id so that the
// order never depends on file names.
bool decided_before(const Candidate& a, const Candidate& b);

class CandidateList {
  public:
    void add(Candidate c) { list_.push_back(std::move(c)); }
    void out_of_scope() { ++out_of_scope_; }
    std::set<std::string> ids() const;

    // A file begins: what it adds can be taken back whole.
    void mark() { mark_ = {list_.size(), out_of_scope_}; }
    void back_to_mark() {
        list_.resize(mark_.candidates);
        out_of_scope_ = mark_.out_of_scope;
    }

    // In the order they are decided.
    std::vector<Candidate> in_decision_order() const;
    int out_of_scope_count() const { return out_of_scope_; }

  private:
    struct Mark {
        std::size_t candidates = 0;
        int out_of_scope = 0;
    };
    std::vector<Candidate> list_;
    int out_of_scope_ = 0;
    Mark mark_;
};

}  // namespace patsub::batch
