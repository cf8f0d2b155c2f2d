// The formula guard: the one rule every CSV writer applies to a cell before a spreadsheet
// may see it. Payee names, titles and reasons come from grant XML and registry lists,
// i.e. from outside; a cell a spreadsheet would run as a formula (OWASP, CSV injection:
// one starting with = + - @ tab or CR) gets a leading single quote. A leading blank or
// invisible character (U+3000, NBSP U+00A0, U+FEFF, ZWSP U+200B) hides a formula from a
// check of the first character only, not from every spreadsheet's import nor from a
// person who trims the cell (TRIM/CLEAN, or editing it) and presses Enter; so the guard
// looks past every leading character of Unicode category Zs (space separators) or Cf
// (format characters) and line breaks. The fullwidth ＝＋－＠ count too: a Chinese IME
// user's spreadsheet may take them for their ASCII forms.
#pragma once

#include <string>
#include <string_view>

namespace patsub::exports {

// True when a spreadsheet could read the cell as a formula: its first character after
// any leading Zs/Cf/line-break characters is = + - @ tab CR (or a fullwidth = + - @).
// A plain decimal number (recovery amounts: "-600.00") is not: it is read as a number.
bool reads_as_formula(std::string_view cell);

// The cell's text with a leading ' when reads_as_formula(cell), else unchanged.
std::string neutralised(std::string_view cell);

}  // namespace patsub::exports
