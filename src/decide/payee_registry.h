// PayeeRegistry: the bureau's registered Kunming entities, and the question the rules
// ask of it: is this printed patentee one of them? Matching goes through NameKey over
// the registered name and every alias.
#pragma once

#include "model/grant.h"
#include "model/payee.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace patsub {

class PayeeRegistry {
  public:
    PayeeRegistry() = default;
    // Later entries with the same credit code replace earlier ones (a newer snapshot).
    explicit PayeeRegistry(std::vector<Payee> payees);

    const Payee* match(const Party& patentee) const;
    const Payee* by_uscc(const std::string& uscc) const;
    std::size_t size() const { return payees_.size(); }

  private:
    std::vector<Payee> payees_;
    std::unordered_map<std::string, std::size_t> by_key_;   // name key -> index
    std::unordered_map<std::string, std::size_t> by_uscc_;
};

}  // namespace patsub
