// The payee registry snapshot (inbox/payees/*.csv): `uscc,name,aliases,district,
// bank_name,bank_account`. Each row is validated (credit-code checks, Kunming district,
// registration division) against the prefixes the policy in force names.
#pragma once

#include "model/payee.h"

#include <filesystem>
#include <string>
#include <vector>

namespace patsub::lists {

struct PayeeRules {
    std::vector<std::string> district_prefixes;      // "5301"
    std::vector<std::string> registration_prefixes;  // "5301", "530000"
};

// Throws ListError naming every bad row; CsvError when the file is not CSV.
std::vector<Payee> read_payee_list(const std::filesystem::path& file, const PayeeRules& rules);

}  // namespace patsub::lists
