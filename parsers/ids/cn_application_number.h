// CN application numbers (申请号): every written form reduced to one canonical text,
// with the GB/T check character verified. See shared/docs/codes.md section 3.
#pragma once

#include "parsers/ids/parsed.h"

#include <string>
#include <string_view>

namespace patsub::ids {

struct CnApplicationNumber {
    std::string digits;  // 8 digits (1989 - Sep 2003) or 12 digits (from Oct 2003), no check
    char check = 0;      // '0'..'9' or 'X'; 0 when the written form carried none

    // "201510481495.9", "95115608.X"; the bare digits when check == 0.
    std::string canonical() const;
    // 1 invention, 2 utility model, 3 design, 8 PCT invention, 9 PCT utility model.
    int type_digit() const;
};

enum class CheckDigit { required, optional };

// The check character for 8 or 12 digits: weights 2..9,2..5, sum mod 11, 10 -> 'X'.
char cn_check_character(std::string_view digits);

// Accepts, folded first (identifier_text.h: full-width digits, invisible characters):
//   201920123456.5   2019201234565   CN201920123456.5   ZL201920123456.5
//   2019 2 0123456.5 (single spaces between year/type/serial blocks)
//   102015000481495  (CNIPA 15-digit standard form: T 0 YYYY 00 NNNNNNN; check computed)
//   95115608.X       (pre-2003 form)
//   201920123456     (no check: accepted only with CheckDigit::optional)
// A present check character that does not match is an error naming the expected one.
Parsed<CnApplicationNumber> parse_cn_application_number(std::string_view text,
                                                        CheckDigit need = CheckDigit::required);

}  // namespace patsub::ids
