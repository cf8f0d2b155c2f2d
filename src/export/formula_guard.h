// The formula guard: the one rule every CSV writer applies to a cell before a spreadsheet
// may see it. Payee names, titles and reasons come from grant XML and registry lists,
// i.e. from outside; a cell a spreadsheet would run as a formula (OWASP, CSV injection:
// one starting with = + - @ tab or CR) gets a leading single quote. Excel, WPS and
// LibreOffice skip leading blanks and invisible format characters before deciding that a
// cell is a formula, so the guard looks past every leading character of Unicode category
// Zs (space separators: U+3000, NBSP U+00A0, ...) and Cf (format characters: U+FEFF,
// ZWSP U+200B, ...) and line breaks; the fullwidth ＝＋－＠ count too, since a Chinese
// IME turns them into their ASCII forms on editing.
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
