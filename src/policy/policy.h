// Policy: the date-versioned policy file (schemas/policy.xsd), validated and loaded
// into plain values. Rules ask it which version is in force on a grant's date and
// read every amount, condition and reading from there; no amount lives in code.
#pragma once

#include "model/date.h"
#include "model/money.h"
#include "model/patent_type.h"

#include <filesystem>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace patsub {

enum class Condition { no_dispute, not_abnormal };

struct Clause {
    std::string id;  // "8.1"
    std::optional<PatentType> type;            // grant clauses
    std::optional<Jurisdiction> jurisdiction;  // grant clauses
    std::string award;                         // enterprise clauses: "demonstration" / "pilot"
    Money amount;
    std::vector<Condition> conditions;
    bool counts_toward_cap = false;
    std::string text;  // the clause as the measures word it
};

struct PolicyVersion {
    std::string id;
    std::string reference;
    Date effective_from;
    std::optional<Date> effective_to;  // inclusive; open-ended when absent
    std::set<std::string> group_a;     // offices of jurisdiction group A
    std::vector<Clause> clauses;
    std::string cap_clause;  // "8.5"
    int cap_jurisdictions = 2;
    bool apply_both_conditions = false;
    std::vector<std::string> payee_districts;                // code prefixes
    std::vector<std::string> payee_registration_divisions;  // code prefixes
    std::vector<std::string> kunming_markers;
    int notice_working_days = 5;  // reading 19: the public-notice period before payment

    Jurisdiction jurisdiction_of(const std::string& office) const;
    // The grant clause paying this type in this jurisdiction, if any.
    const Clause* clause_for(PatentType type, Jurisdiction j) const;
    const Clause* award_clause(const std::string& recognition) const;
    // The conditions to check for a clause, after reading 8 (apply both or as written).
    std::vector<Condition> conditions_of(const Clause& c) const;
};

class PolicyError : public std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Which version governs a date, and why none does.
struct PolicyLookup {
    enum class Outcome { in_force, before_effective_date, no_policy_in_force } outcome;
    const PolicyVersion* version = nullptr;  // set when in force
};

class Policy {
  public:
    // Validates against the XSD, then checks what a schema cannot say (versions in
    // date order without overlap, every (type, jurisdiction) paid by at most one
    // clause). Throws PolicyError naming the file, line and cause.
    static Policy load(const std::filesystem::path& file, const std::filesystem::path& xsd);

    PolicyLookup at(Date d) const;
    // The version in force on d, else the closest one (first before all versions, last
    // after them or when d is unknown): what jurisdiction groups a document belongs to
    // is a fact to report even when no version pays it.
    const PolicyVersion& nearest(std::optional<Date> d) const;
    const std::vector<PolicyVersion>& versions() const { return versions_; }
    const PolicyVersion* find(const std::string& version_id) const;
    const std::string& sha256() const { return sha256_; }
    const std::filesystem::path& file() const { return file_; }

  private:
    std::vector<PolicyVersion> versions_;  // ordered by effective_from
    std::filesystem::path file_;
    std::string sha256_;
};

std::string_view to_string(Condition c);

// The 8.5 cap for one grant (policy.md reading 7): what the version in force on the
// grant's date says (the nearest version when none is in force or the date is unknown):
// which clauses count toward it and in how many countries/regions a family may be funded.
// decide, verify and explain read the cap through this one function.
struct GrantCap {
    std::string version;                // the version whose cap this is
    std::string clause;                 // "8.5"
    std::set<std::string> counting;     // "8.1".."8.4"
    int max_jurisdictions = 0;
};
GrantCap cap_for(const Policy& policy, std::optional<Date> grant_date);
// The cap as one version words it: for `explain`, which shows the version that decided.
GrantCap cap_of(const PolicyVersion& v);

}  // namespace patsub
