// NameKey: the forms in which a patentee's printed name and a registry name are
// compared (policy.md reading 14). A payee is its credit code, so a name is paid only
// when it equals a registered name or alias after one documented normalisation; any
// looser likeness only makes the line wait for a person.
#pragma once

#include <string>
#include <string_view>

namespace patsub {

// The one normalisation of reading 14: Unicode NFKC (full-width letters and brackets
// become ASCII: "（" is "("), case folded, white space and format characters
// (NBSP, U+3000, ZWSP, BOM, ...) removed. Nothing else: no suffix is stripped, no
// punctuation dropped, so 昆明甲乙科技有限公司 and 昆明甲乙科技股份有限公司 stay two keys.
std::string name_key(std::string_view printed_name);

// The distinctive part of a key, for finding *near* names only (never for paying):
// punctuation dropped and legal-form words removed from the end ("有限公司",
// "股份有限公司", "有限责任公司", "co ltd", "company limited", ...).
std::string name_stem(std::string_view key);

// True when text contains marker, comparing ASCII letters case-insensitively.
bool contains_marker(std::string_view text, std::string_view marker);

}  // namespace patsub
