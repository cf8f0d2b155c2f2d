// UTF-8 code points, decoded leniently: offices and hand-edited lists carry stray bytes,
// and a name or a table cell must still be compared or measured, never crash. One
// decoder for the whole program (name keys, display widths).
#pragma once

#include <string>
#include <string_view>

namespace patsub {

inline constexpr char32_t replacement_character = 0xFFFD;

// One code point from s at i (advancing i); U+FFFD for a malformed, overlong, surrogate
// or out-of-range sequence. Requires i < s.size().
char32_t next_code_point(std::string_view s, std::size_t& i);

void append_utf8(std::string& out, char32_t cp);

}  // namespace patsub
