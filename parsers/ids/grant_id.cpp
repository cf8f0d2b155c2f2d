#include "parsers/ids/grant_id.h"

namespace patsub::ids {

namespace {

bool is_capital(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool is_canonical_grant_id(std::string_view id) {
    if (id.size() < 4 || !is_capital(id[0]) || !is_capital(id[1])) return false;
    std::size_t at = 2;
    while (at < id.size() && at < 4 && is_capital(id[at])) ++at;  // letter series
    std::size_t const digits_from = at;
    while (at < id.size() && is_digit(id[at])) ++at;
    if (at == digits_from) return false;
    std::string_view const kind = id.substr(at);
    return (kind.size() == 1 && is_capital(kind[0])) || (kind.size() == 2 && is_capital(kind[0]) && is_digit(kind[1]));
}

}  // namespace patsub::ids
