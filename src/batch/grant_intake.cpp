#include "batch/grant_intake.h"

#include "decide/family_keys.h"

namespace patsub::batch {

bool decided_before(const Candidate& a, const Candidate& b) {
    if (a.prospective != b.prospective) return a.prospective > b.prospective;
    if (a.grant.date != b.grant.date) return a.grant.date < b.grant.date;
    if (a.grant.office != b.grant.office) return a.grant.office < b.grant.office;
    return grant_id(a.grant) < grant_id(b.grant);
}

Candidate GrantIntake::make_candidate(Grant g) const {
    Classification c = classify(g, kinds_, policy_.nearest(g.date));
    Money amount = rules_.prospective_amount(g, c);
    return Candidate{std::move(g), std::move(c), amount};
}

void GrantIntake::on_grant(Grant&& g) {
    ++figures.records;
    ++figures.grants;
    if (g.patentees.empty()) ++figures.missing_patentee;
    if (!kinds_.find(g.office, g.kind, g.date)) ++figures.unknown_kind;
    if (!rules_.in_scope(g)) {
        ++out_of_scope;
        return;
    }
    Candidate cand = make_candidate(std::move(g));
    const std::string id = grant_id(cand.grant);
    ledger_.record_grant(cand.grant, cand.classification, batch_id_);
    ledger_.record_sighting({id, sha256_, cand.grant.source.document, cand.grant.source.line, batch_id_});
    families_.link(id, family_keys(cand.grant));
    candidates.push_back(std::move(cand));
}

void GrantIntake::add_known(Grant g) { candidates.push_back(make_candidate(std::move(g))); }

}  // namespace patsub::batch
