// BankDetails: the two cells of a registry row the treasury pays into. A wrong account
// sends public money to a stranger, so the row is refused unless the account is 8 to 32
// ASCII digits (spaces between digit groups allowed and dropped) and the bank is named.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace patsub::lists {

// The account as the treasury receives it (digits only), or nullopt with `why` set;
// `why` names any character that is not an ASCII digit by its code point.
std::optional<std::string> bank_account(std::string_view written, std::string& why);

}  // namespace patsub::lists
