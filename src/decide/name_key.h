// NameKey: the form in which a patentee's printed name and a registry name are
// compared. Offices print the same company differently: full-width or half-width
// letters, "Co., Ltd." or "CO LTD", "有限公司" or not, stray spaces. The key folds all
// of that away so that only the distinctive part of the name is compared.
#pragma once

#include <string>
#include <string_view>

namespace patsub {

// Full-width ASCII to half-width, ASCII upper to lower case, white space and
// punctuation (ASCII and CJK) removed, then common company-form suffixes dropped
// ("有限公司", "股份有限公司", "co ltd", "company limited", "inc", "corp", ...).
std::string name_key(std::string_view printed_name);

// True when text contains marker, comparing ASCII letters case-insensitively.
bool contains_marker(std::string_view text, std::string_view marker);

}  // namespace patsub
