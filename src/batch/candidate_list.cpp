#include "batch/candidate_list.h"

namespace patsub::batch {

void CandidateList::add(const Candidate& c) {
    store_.add({c.grant_id, c.prospective.fen, c.date ? to_iso(*c.date) : std::string(), c.office});
}

void CandidateList::for_each_in_decision_order(const std::function<void(Candidate&&)>& each) {
    store_.for_each_in_decision_order([&each](ledger::CandidateStore::Entry&& e) {
        each(Candidate{std::move(e.grant_id), Money{e.prospective_fen}, date_from_iso(e.date), std::move(e.office)});
    });
}

}  // namespace patsub::batch
