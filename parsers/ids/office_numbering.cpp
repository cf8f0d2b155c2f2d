#include "parsers/ids/office_numbering.h"

#include <array>

namespace patsub::ids {

namespace {

using namespace std::string_view_literals;

// codes.md 1.2, formats.md 1: D, PP, RE, H, T, X, AI; "a US number at most 8 digits
// after the series letters". Without a series, pre-grant publications have 11
// (2014 0102795), DOCDB prints them with 10.
constexpr std::array us_series{"PP"sv, "RE"sv, "AI"sv, "D"sv, "H"sv, "T"sv, "X"sv};
// codes.md 1.12: I invention, M utility model, D design (I123456); A publications and
// pre-2004 grants are plain numbers of up to 9 digits.
constexpr std::array tw_series{"I"sv, "M"sv, "D"sv};
// Macao writes invention patents I, extensions of CN inventions J, utility models U in
// front of a six-digit serial. [U: not from a source in codes.md; kind-codes.csv has MO
// A, B and U.]
constexpr std::array mo_series{"I"sv, "J"sv, "U"sv};
// DOCDB numbers of pre-2000 JP publications carry the era: JPS63123456A, JPH08123456A.
constexpr std::array jp_series{"S"sv, "H"sv};

constexpr OfficeNumbering any_office{};
// codes.md 3.3: 7 digits 1989-2007, 9 digits since (T NN NNNNNN); 8 before 1989.
constexpr OfficeNumbering cn{{}, false, 9, 0};
constexpr OfficeNumbering us{us_series, true, 11, 8};
// formats.md 2: EP publication numbers are 7 digits, zero-padded; one more is allowed
// for the decades to come.
constexpr OfficeNumbering ep{{}, false, 8, 0};
// WO YYYY NNNNNN (10 digits) since 2004, YY NNNNN before.
constexpr OfficeNumbering wo{{}, false, 10, 0};
// JP A YYYY NNNNNN (10 digits), B 7 digits; era letter + YY + 6 digits.
constexpr OfficeNumbering jp{jp_series, false, 10, 8};
// codes.md 1.5: KR opening numbers tt-yyyy-nnnnnnn (13 digits), grants tt-nnnnnnn.
constexpr OfficeNumbering kr{{}, false, 13, 0};
constexpr OfficeNumbering tw{tw_series, true, 9, 8};
constexpr OfficeNumbering mo{mo_series, true, 9, 8};
// formats.md 3: DE 10 2004 012 345 (12 digits) since 2004.
constexpr OfficeNumbering de{{}, false, 12, 0};

}  // namespace

OfficeNumbering const& numbering_of(std::string_view office) {
    if (office == "CN") return cn;
    if (office == "US") return us;
    if (office == "EP") return ep;
    if (office == "WO") return wo;
    if (office == "JP") return jp;
    if (office == "KR") return kr;
    if (office == "TW") return tw;
    if (office == "MO") return mo;
    if (office == "DE") return de;
    return any_office;
}

}  // namespace patsub::ids
