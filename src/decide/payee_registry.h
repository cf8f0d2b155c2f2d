// PayeeRegistry: the bureau's registered Kunming entities, and the question the rules
// ask of it: which registered payee is this printed patentee? A payee is its credit
// code (policy.md reading 14): a printed name is that payee only when it equals the
// registered name or an alias under name_key. Anything looser is reported as *near*
// candidates for a person to confirm, never as a match.
#pragma once

#include "model/grant.h"
#include "model/payee.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

namespace patsub {

struct PayeeMatch {
    enum class Kind {
        none,       // no registered name is equal or near
        exact,      // payees holds the one payee whose name or alias equals a printed form
        ambiguous,  // payees holds two or more payees whose names equal a printed form
        near,       // payees holds the registered names that differ only by a legal-form
                    // suffix or by one being a prefix of the other
    };
    Kind kind = Kind::none;
    std::vector<const Payee*> payees;
};

class PayeeRegistry {
  public:
    PayeeRegistry() = default;
    // Later entries with the same credit code replace earlier ones (a newer snapshot).
    explicit PayeeRegistry(std::vector<Payee> payees);

    // Every printed form of the patentee (name and other_names) is tried.
    PayeeMatch match(const Party& patentee) const;
    // Exact or near: the cheap test behind "does this grant concern Kunming?", without
    // the prefix search that only a decision needs.
    bool knows_or_nearly_knows(const Party& patentee) const;
    const Payee* by_uscc(const std::string& uscc) const;
    std::size_t size() const { return payees_.size(); }

  private:
    void add_exact(const std::string& key, std::vector<std::size_t>& found) const;
    void add_near(const std::string& stem, std::vector<std::size_t>& found) const;
    // The registered stems equal to `stem`.
    auto stems_equal_to(const std::string& stem) const {
        return std::equal_range(stems_.begin(), stems_.end(), std::make_pair(stem, std::size_t{0}),
                                [](const auto& a, const auto& b) { return a.first < b.first; });
    }

    std::vector<Payee> payees_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_key_;   // name_key -> payees
    std::vector<std::pair<std::string, std::size_t>> stems_;  // (name_stem, payee), sorted: equal and prefix search
    std::unordered_map<std::string, std::size_t> by_uscc_;
};

}  // namespace patsub
