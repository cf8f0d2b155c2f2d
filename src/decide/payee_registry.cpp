#include "decide/payee_registry.h"

#include "decide/name_key.h"

namespace patsub {

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
        by_key_[name_key(payees_[i].name)] = i;
        for (const auto& alias : payees_[i].aliases) by_key_[name_key(alias)] = i;
    }
}

const Payee* PayeeRegistry::match(const Party& patentee) const {
    auto lookup = [&](const std::string& printed) -> const Payee* {
        const std::string key = name_key(printed);
        if (key.empty()) return nullptr;
        auto it = by_key_.find(key);
        return it == by_key_.end() ? nullptr : &payees_[it->second];
    };
    if (const Payee* p = lookup(patentee.name)) return p;
    for (const auto& other : patentee.other_names)
        if (const Payee* p = lookup(other)) return p;
    return nullptr;
}

const Payee* PayeeRegistry::by_uscc(const std::string& uscc) const {
    auto it = by_uscc_.find(uscc);
    return it == by_uscc_.end() ? nullptr : &payees_[it->second];
}

}  // namespace patsub
