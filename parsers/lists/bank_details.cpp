#include "parsers/lists/bank_details.h"

#include "model/utf8.h"
#include "parsers/ids/trim.h"

#include <fmt/format.h>

namespace patsub::lists {

std::optional<std::string> bank_account(std::string_view written, std::string& why) {
    const std::string_view text = ids::trim(written);
    std::string digits;
    for (std::size_t i = 0; i < text.size();) {
        const char32_t cp = next_code_point(text, i);
        if (cp == ' ') continue;
        if (cp < '0' || cp > '9') {
            why = fmt::format("bank account '{}': U+{:04X} is not an ASCII digit", text, static_cast<unsigned>(cp));
            return std::nullopt;
        }
        digits += static_cast<char>(cp);
    }
    if (digits.size() < 8 || digits.size() > 32) {
        why = fmt::format("bank account '{}' has {} digits; an account has 8 to 32", text, digits.size());
        return std::nullopt;
    }
    return digits;
}

}  // namespace patsub::lists
