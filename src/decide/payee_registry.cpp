#include "decide/payee_registry.h"

#include "decide/name_key.h"
#include "model/utf8.h"

#include <algorithm>

namespace patsub {

namespace {

// A stem shorter than this is no evidence of anything: "昆明" or "云南" alone would be
// the prefix of every registered name.
constexpr std::size_t kShortestPrefix = 4;  // code points

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size(); ++n) next_code_point(s, i);
    return n;
}

void add_unique(std::vector<std::size_t>& to, std::size_t index) {
    if (std::find(to.begin(), to.end(), index) == to.end()) to.push_back(index);
}

}  // namespace

PayeeRegistry::PayeeRegistry(std::vector<Payee> payees) {
    for (auto& p : payees) {
        auto found = by_uscc_.find(p.uscc);
        if (found != by_uscc_.end()) {
            payees_[found->second] = std::move(p);
        } else {
            by_uscc_.emplace(p.uscc, payees_.size());
            payees_.push_back(std::move(p));
        }
    }
    for (std::size_t i = 0; i < payees_.size(); ++i) {
        std::vector<std::string> names{payees_[i].name};
        names.insert(names.end(), payees_[i].aliases.begin(), payees_[i].aliases.end());
        for (const auto& n : names) {
            const std::string key = name_key(n);
            if (key.empty()) continue;
            add_unique(by_key_[key], i);
            if (std::string stem = name_stem(key); !stem.empty()) stems_.emplace_back(std::move(stem), i);
        }
    }
    std::sort(stems_.begin(), stems_.end());
}

void PayeeRegistry::add_exact(const std::string& key, std::vector<std::size_t>& found) const {
    auto it = by_key_.find(key);
    if (it == by_key_.end()) return;
    for (std::size_t i : it->second) add_unique(found, i);
}

void PayeeRegistry::add_near(const std::string& stem, std::vector<std::size_t>& found) const {
    for (auto [it, end] = stems_equal_to(stem); it != end; ++it) add_unique(found, it->second);
    if (code_points(stem) < kShortestPrefix) return;
    // Registered stems that begin with this one ("昆明甲乙" -> "昆明甲乙科技") ...
    for (auto it = stems_equal_to(stem).first; it != stems_.end() && it->first.starts_with(stem); ++it)
        add_unique(found, it->second);
    // ... and registered stems that this one begins with, at every code-point boundary.
    std::size_t cut = 0, points = 0;
    while (cut < stem.size()) {
        next_code_point(stem, cut);
        if (++points < kShortestPrefix || cut == stem.size()) continue;
        for (auto [it, end] = stems_equal_to(stem.substr(0, cut)); it != end; ++it) add_unique(found, it->second);
    }
}

PayeeMatch PayeeRegistry::match(const Party& patentee) const {
    std::vector<std::string> printed{patentee.name};
    printed.insert(printed.end(), patentee.other_names.begin(), patentee.other_names.end());
    std::vector<std::string> keys;
    for (const auto& p : printed)
        if (auto k = name_key(p); !k.empty()) keys.push_back(std::move(k));

    std::vector<std::size_t> exact;
    for (const auto& k : keys) add_exact(k, exact);
    PayeeMatch m;
    if (exact.empty()) {
        for (const auto& k : keys)
            if (auto stem = name_stem(k); !stem.empty()) add_near(stem, exact);
        if (!exact.empty()) m.kind = PayeeMatch::Kind::near;
    } else {
        m.kind = exact.size() == 1 ? PayeeMatch::Kind::exact : PayeeMatch::Kind::ambiguous;
    }
    for (std::size_t i : exact) m.payees.push_back(&payees_[i]);
    return m;
}

bool PayeeRegistry::knows_or_nearly_knows(const Party& patentee) const {
    auto known = [&](const std::string& printed) {
        const std::string key = name_key(printed);
        if (key.empty()) return false;
        if (by_key_.count(key)) return true;
        auto [first, end] = stems_equal_to(name_stem(key));
        return first != end;
    };
    if (known(patentee.name)) return true;
    return std::any_of(patentee.other_names.begin(), patentee.other_names.end(), known);
}

const Payee* PayeeRegistry::by_uscc(const std::string& uscc) const {
    auto it = by_uscc_.find(uscc);
    return it == by_uscc_.end() ? nullptr : &payees_[it->second];
}

}  // namespace patsub
