#include "batch/grant_intake.h"

#include "batch/grant_dates.h"
#include "decide/family_keys.h"

namespace patsub::batch {

void GrantIntake::on_grant(Grant&& g) {
    if (auto why = implausible_grant_date(*g.date, as_of_)) {
        file_.refuse(DocumentProblem{file_.where(), g.source.document, g.source.line, 0, *why, 0});
        return;
    }
    FileFigures& figures = file_.figures();
    ++figures.records;
    ++figures.grants;
    if (g.patentees.empty()) ++figures.missing_patentee;
    if (!kinds_.find(g.office, g.kind, g.date)) ++figures.unknown_kind;
    if (!rules_.in_scope(g)) {
        candidates_.out_of_scope();
        return;
    }
    const Classification c = classify(g, kinds_, policy_.nearest(g.date));
    const std::string id = grant_id(g);
    ledger_.record_grant(g, c, batch_id_);
    ledger_.record_sighting({id, file_.sha256(), g.source.document, g.source.line, batch_id_, file_.member()});
    families_.link(id, family_keys(g));
    candidates_.add(candidate(g, c));
}

void GrantIntake::add_known(const Grant& g) { candidates_.add(candidate(g, classify(g, kinds_, policy_.nearest(g.date)))); }

Candidate GrantIntake::candidate(const Grant& g, const Classification& c) const {
    return Candidate{grant_id(g), rules_.prospective_amount(g, c), g.date, g.office};
}

}  // namespace patsub::batch
