#include "batch/candidate_list.h"

#include <algorithm>

namespace patsub::batch {

bool decided_before(const Candidate& a, const Candidate& b) {
    if (a.prospective != b.prospective) return a.prospective > b.prospective;
    if (a.date != b.date) return a.date < b.date;
    if (a.office != b.office) return a.office < b.office;
    return a.grant_id < b.grant_id;
}

std::set<std::string> CandidateList::ids() const {
    std::set<std::string> out;
    for (const auto& c : list_) out.insert(c.grant_id);
    return out;
}

std::vector<Candidate> CandidateList::in_decision_order() const {
    std::vector<Candidate> out = list_;
    std::stable_sort(out.begin(), out.end(), decided_before);
    return out;
}

}  // namespace patsub::batch
