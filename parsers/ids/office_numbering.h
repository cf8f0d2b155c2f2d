// OfficeNumbering: how one office numbers its publications, as far as a grant id depends
// on it: which letter series may stand in front of the digits and how many digits a
// number can have. A number outside these bounds is a writing error (a doubled office
// prefix "CNCN217000101", a pasted run of digits), not a new patent, and is refused.
// Sources: shared/docs/codes.md sections 1.2, 1.12, 3.3 and formats.md sections 1-9.
#pragma once

#include <span>
#include <string_view>

namespace patsub::ids {

struct OfficeNumbering {
    // Letters an office writes in front of the digits, longest first: USPTO D design,
    // PP plant, RE reissue, H SIR ...; TIPO I invention, M utility model, D design;
    // Macao I/J/U; JPO era letters S (Showa) and H (Heisei) in DOCDB numbers.
    std::span<std::string_view const> series;
    // Series letters that name the type of a serial number: zeros after them are padding
    // ("D0558902" is D558902). The JPO era letter is followed by a year, whose zero is kept.
    bool series_is_type = false;
    // Significant digits (leading zeros are padding). 15 for an office not listed: the
    // longest national numbers seen are UIBM's, type + year + serial, IT 10 2022 000003456.
    std::size_t max_digits = 15;
    std::size_t max_digits_after_series = 8;  // when a series letter is written
};

OfficeNumbering const& numbering_of(std::string_view office);

}  // namespace patsub::ids
