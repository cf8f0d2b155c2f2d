#include "parsers/lists/bank_details.h"

#include "parsers/ids/identifier_text.h"
#include "parsers/ids/trim.h"

#include <fmt/format.h>

#include <algorithm>

namespace patsub::lists {

std::optional<std::string> bank_account(std::string_view written, std::string& why) {
    const std::string_view text = ids::trim(written);
    // Not folded: an account in full-width digits was typed somewhere it should not have
    // been, and money follows it; the edge's own description names the character.
    if (const std::string foreign = ids::foreign_character(text); !foreign.empty()) {
        why = ids::refusal("bank account", text, foreign);
        return std::nullopt;
    }
    std::string digits;
    for (char c : text) {
        if (c == ' ') continue;
        if (c < '0' || c > '9') {
            why = ids::refusal("bank account", text, fmt::format("'{}' is not a digit", c));
            return std::nullopt;
        }
        digits += c;
    }
    if (digits.size() < 8 || digits.size() > 32) {
        why = fmt::format("bank account '{}' has {} digits; an account has 8 to 32", text, digits.size());
        return std::nullopt;
    }
    return digits;
}

}  // namespace patsub::lists
