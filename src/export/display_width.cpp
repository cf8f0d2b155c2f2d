#include "export/display_width.h"

#include "model/utf8.h"

#include <cstdint>

namespace patsub::exports {

namespace {

constexpr char32_t replacement = replacement_character;

bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp < 0xA0); }

bool is_zero_width(char32_t cp) {
    return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
           (cp >= 0x20D0 && cp <= 0x20FF);
}

// The East Asian Wide (W) and Fullwidth (F) blocks of UAX #11 that names and titles use.
bool is_wide(char32_t cp) {
    struct Range { char32_t first, last; };
    static constexpr Range wide[] = {
        {0x1100, 0x115F}, {0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF},
        {0xA000, 0xA4CF}, {0xA960, 0xA97F}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19},
        {0xFE30, 0xFE6F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F}, {0x1F900, 0x1F9FF},
        {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
    };
    for (const auto& r : wide)
        if (cp >= r.first && cp <= r.last) return true;
    return false;
}

}  // namespace

std::string terminal_safe(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = next_code_point(s, i);
        append_utf8(out, is_control(cp) ? replacement : cp);
    }
    return out;
}

int display_width(std::string_view s) {
    int width = 0;
    for (std::size_t i = 0; i < s.size();) {
        const char32_t cp = next_code_point(s, i);
        if (is_zero_width(cp)) continue;
        width += is_wide(cp) ? 2 : 1;
    }
    return width;
}

}  // namespace patsub::exports
