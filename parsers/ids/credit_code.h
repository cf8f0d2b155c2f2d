// Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters whose
// position-18 check character and position-17 organisation-code check (GB 11714)
// both hold. See shared/docs/codes.md section 4.
#pragma once

#include "parsers/ids/parsed.h"

#include <string>
#include <string_view>

namespace patsub::ids {

struct CreditCode {
    std::string text;  // 18 upper-case characters

    // Positions 3-8: the GB/T 2260 division of the registering authority.
    std::string registration_division() const { return text.substr(2, 6); }
};

// Folded first (identifier_text.h: full-width letters, invisible characters), lower
// case upper-cased; anything else
// (length, alphabet without I O Z S V, either check) is an error saying which.
Parsed<CreditCode> parse_credit_code(std::string_view text);

}  // namespace patsub::ids
