// Payee: an entity in the bureau's registry that may receive money: who, where in
// Kunming, and where the treasury sends it.
#pragma once

#include <string>
#include <vector>

namespace patsub {

struct Payee {
    std::string uscc;      // unified social credit code, checks verified
    std::string name;      // registered name
    std::vector<std::string> aliases;  // other names, e.g. the English one on foreign grants
    std::string district;  // Kunming county-level division code (5301xx)
    std::string bank_name;
    std::string bank_account;
};

}  // namespace patsub
