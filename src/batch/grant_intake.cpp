#include "batch/grant_intake.h"

#include "batch/grant_dates.h"
#include "decide/family_keys.h"

namespace patsub::batch {

bool decided_before(const Candidate& a, const Candidate& b) {
    if (a.prospective != b.prospective) return a.prospective > b.prospective;
    if (a.date != b.date) return a.date < b.date;
    if (a.office != b.office) return a.office < b.office;
    return a.grant_id < b.grant_id;
}

void GrantIntake::on_grant(Grant&& g) {
    if (auto why = implausible_grant_date(*g.date, as_of_)) {
        ++refused;
        const std::string where = member_.empty() ? shown_ : shown_ + "!" + member_;
        on_problem(DocumentProblem{where, g.source.document, g.source.line, 0, *why, 0});
        return;
    }
    ++figures.records;
    ++figures.grants;
    if (g.patentees.empty()) ++figures.missing_patentee;
    if (!kinds_.find(g.office, g.kind, g.date)) ++figures.unknown_kind;
    if (!rules_.in_scope(g)) {
        ++out_of_scope;
        return;
    }
    const Classification c = classify(g, kinds_, policy_.nearest(g.date));
    const std::string id = grant_id(g);
    ledger_.record_grant(g, c, batch_id_);
    ledger_.record_sighting({id, sha256_, g.source.document, g.source.line, batch_id_, member_});
    families_.link(id, family_keys(g));
    candidates.push_back(Candidate{id, rules_.prospective_amount(g, c), g.date, g.office});
}

void GrantIntake::add_known(const Grant& g) {
    const Classification c = classify(g, kinds_, policy_.nearest(g.date));
    candidates.push_back(Candidate{grant_id(g), rules_.prospective_amount(g, c), g.date, g.office});
}

}  // namespace patsub::batch
