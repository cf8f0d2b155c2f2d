#include "export/formula_guard.h"

#include "model/utf8.h"

#include <utf8proc.h>

namespace patsub::exports {

namespace {

bool is_plain_number(std::string_view s) {
    std::size_t i = (!s.empty() && s.front() == '-') ? 1 : 0;
    const std::size_t int_start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == int_start) return false;
    if (i == s.size()) return true;
    if (s[i] != '.') return false;
    const std::size_t frac_start = ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > frac_start && i == s.size();
}

// Characters a spreadsheet passes over before the one that makes a formula.
bool is_invisible_lead(char32_t c) {
    if (c == U'\n' || c == U'\v' || c == U'\f') return true;
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_CF;
}

bool starts_formula(char32_t c) {
    switch (c) {
        case U'=': case U'+': case U'-': case U'@': case U'\t': case U'\r':
        case U'\uFF1D': case U'\uFF0B': case U'\uFF0D': case U'\uFF20':  // ＝＋－＠
            return true;
        default:
            return false;
    }
}

}  // namespace

bool reads_as_formula(std::string_view cell) {
    if (is_plain_number(cell)) return false;
    std::size_t i = 0;
    while (i < cell.size()) {
        const char32_t c = next_code_point(cell, i);
        if (starts_formula(c)) return true;
        if (!is_invisible_lead(c)) return false;
    }
    return false;
}

std::string neutralised(std::string_view cell) {
    if (reads_as_formula(cell)) return "'" + std::string(cell);
    return std::string(cell);
}

}  // namespace patsub::exports
