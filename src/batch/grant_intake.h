// GrantIntake: the first pass of a batch over the grant files. Each grant read is
// judged plausible (its date), counted for the gates, and, when it concerns Kunming,
// recorded in the ledger (facts, where it was read, its family) and listed as a
// candidate for decision. What the file brought is in `file()`, the candidates in
// `candidates()`; deciding is the batch's next pass.
#pragma once

#include "batch/candidate_list.h"
#include "batch/file_reading.h"
#include "classify/classification.h"
#include "classify/kind_table.h"
#include "decide/grant_rules.h"
#include "ledger/family_store.h"
#include "ledger/ledger.h"
#include "parsers/grant_file.h"
#include "policy/policy.h"

#include <cstdint>
#include <string>

namespace patsub::batch {

class GrantIntake : public GrantHandler {
  public:
    GrantIntake(ledger::Ledger& ledger, ledger::FamilyStore& families, const KindTable& kinds, const Policy& policy,
                const GrantRules& rules, std::int64_t batch_id, Date as_of)
        : ledger_(ledger), families_(families), kinds_(kinds), policy_(policy), rules_(rules), batch_id_(batch_id),
          as_of_(as_of), candidates_(ledger) {}

    // The file whose documents follow, and its inbox-relative name.
    void begin_file(const std::string& sha256, const std::string& shown) {
        file_.begin(sha256, shown);
        candidates_.mark();
    }
    // The current file is quarantined: none of its grants may be decided.
    void drop_file() { candidates_.back_to_mark(); }

    void on_grant(Grant&& g) override;
    void on_problem(const DocumentProblem& p) override { file_.problem(p); }
    void on_skipped(int, long, const std::string&) override { ++file_.figures().records; }
    void on_member(const std::string& shown) override { file_.enter_member(shown); }

    // Adds a grant read in an earlier batch (a held one, one decided again) to the
    // candidates; the caller lists each grant once (candidates().contains()).
    void add_known(const Grant& g);

    FileReading& file() { return file_; }
    CandidateList& candidates() { return candidates_; }

  private:
    Candidate candidate(const Grant& g, const Classification& c) const;

    ledger::Ledger& ledger_;
    ledger::FamilyStore& families_;
    const KindTable& kinds_;
    const Policy& policy_;
    const GrantRules& rules_;
    std::int64_t batch_id_;
    Date as_of_;
    FileReading file_;
    CandidateList candidates_;
};

}  // namespace patsub::batch
