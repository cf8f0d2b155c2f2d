// Terminal display width of UTF-8 text, so that tables with Chinese names line up:
// East Asian wide and fullwidth characters (CJK ideographs, kana, Hangul, fullwidth
// forms) take two columns, combining marks none, everything else one.
#pragma once

#include <string>
#include <string_view>

namespace patsub::exports {

// Columns the text takes in a terminal after terminal_safe().
int display_width(std::string_view utf8);

// The text with what a terminal would act on instead of show (C0/C1 controls, ESC
// sequences from a hostile name) and bytes that are not UTF-8 replaced by U+FFFD.
std::string terminal_safe(std::string_view utf8);

}  // namespace patsub::exports
