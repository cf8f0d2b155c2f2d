// GrantIntake: the first pass of a batch over the grant files. Each grant is classified;
// those concerning Kunming are recorded (facts, where they were read) and linked into
// their family, and become candidates for decision. Deciding waits until every file is
// read, because candidates of one run compete for the last cap slots of a family.
#pragma once

#include "classify/classification.h"
#include "classify/kind_table.h"
#include "decide/grant_rules.h"
#include "ledger/family_store.h"
#include "batch/plausibility_gates.h"
#include "ledger/ledger.h"
#include "parsers/grant_file.h"
#include "policy/policy.h"

#include <cstdint>
#include <optional>
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

class GrantIntake : public GrantHandler {
  public:
    GrantIntake(ledger::Ledger& ledger, ledger::FamilyStore& families, const KindTable& kinds, const Policy& policy,
                const GrantRules& rules, std::int64_t batch_id, Date as_of)
        : ledger_(ledger), families_(families), kinds_(kinds), policy_(policy), rules_(rules), batch_id_(batch_id),
          as_of_(as_of) {}

    // The file whose documents follow, and its inbox-relative name.
    void begin_file(const std::string& sha256, const std::string& shown) {
        sha256_ = sha256;
        shown_ = shown;
        member_.clear();
        problems.clear();
        problems_unlisted = 0;
        refused = 0;
        figures = {};
        file_start_ = candidates.size();
        out_of_scope_at_start_ = out_of_scope;
    }
    // The current file is quarantined: none of its grants may be decided.
    void drop_file() {
        candidates.resize(file_start_);
        out_of_scope = out_of_scope_at_start_;
    }

    void on_grant(Grant&& g) override;
    void on_problem(const DocumentProblem& p) override {
        if (problems.size() < kProblemsListed) problems.push_back(p);
        else ++problems_unlisted;
    }
    void on_skipped(int, long, const std::string&) override { ++figures.records; }
    // A zip member's documents follow, shown as "archive.zip!member".
    void on_member(const std::string& shown) override {
        member_ = shown.size() > shown_.size() ? shown.substr(shown_.size() + 1) : std::string();
    }

    // Adds a grant read in an earlier batch (a held one) to the candidates.
    void add_known(const Grant& g);

    std::vector<Candidate> candidates;
    // The first problems of the current file, for its reason file; the rest are only
    // counted, so a file of a million broken documents does not hold a million messages.
    static constexpr std::size_t kProblemsListed = 1000;
    std::vector<DocumentProblem> problems;
    std::int64_t problems_unlisted = 0;
    int refused = 0;  // documents of the current file the intake refused (implausible dates)
    FileFigures figures;                    // of the current file
    int out_of_scope = 0;

  private:
    ledger::Ledger& ledger_;
    ledger::FamilyStore& families_;
    const KindTable& kinds_;
    const Policy& policy_;
    const GrantRules& rules_;
    std::int64_t batch_id_;
    Date as_of_;
    std::string sha256_;
    std::string shown_;
    std::string member_;  // of a zip file: the member being read
    std::size_t file_start_ = 0;
    int out_of_scope_at_start_ = 0;
};

}  // namespace patsub::batch
