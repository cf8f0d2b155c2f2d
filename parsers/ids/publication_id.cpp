#include "parsers/ids/publication_id.h"

#include "parsers/ids/identifier_text.h"
#include "parsers/ids/office_numbering.h"

#include <boost/fusion/include/adapt_struct.hpp>
#include <boost/optional.hpp>
#include <boost/spirit/home/x3.hpp>
#include <fmt/format.h>

#include <algorithm>

namespace patsub::ids {
namespace {

// A publication id as written, before any office rule is applied to it.
struct WrittenPublication {
    std::string office;
    boost::optional<std::string> letter_series;
    std::string number;  // digits with the spaces and commas the writer used
    boost::optional<std::string> kind;
};

// A document number as printed in its own XML element.
struct WrittenNumber {
    boost::optional<std::string> letter_series;
    std::string number;
};

}  // namespace
}  // namespace patsub::ids

BOOST_FUSION_ADAPT_STRUCT(patsub::ids::WrittenPublication, office, letter_series, number, kind)
BOOST_FUSION_ADAPT_STRUCT(patsub::ids::WrittenNumber, letter_series, number)

namespace patsub::ids {
namespace {

namespace x3 = boost::spirit::x3;

namespace grammar {

// ASCII only: x3::digit / x3::upper are undefined for the negative chars of UTF-8 text.
auto const digit = x3::char_('0', '9');
auto const capital = x3::char_('A', 'Z');
auto const gap = *x3::lit(' ');

// WIPO ST.3: two capital letters.
auto const office = x3::rule<class office, std::string>{"office"} = x3::repeat(2)[capital];

// Letters in front of the digits. Which ones an office uses is checked afterwards
// (office_numbering.h), so that "CNCN217000101U" is refused for what it is.
auto const letter_series = x3::rule<class letter_series, std::string>{"letter series"} = x3::raw[+capital];

// Offices group digits with spaces (EP 3 456 789) or commas (US 11,223,344).
auto const number = x3::rule<class number, std::string>{"number"} =
    x3::raw[digit >> *(-x3::char_(" ,") >> digit)];

// What stands after the number. WIPO ST.16 allows a capital and an optional digit,
// checked afterwards (see kind_problem) so that "UU" is named as the fault.
auto const kind_text = x3::rule<class kind_text, std::string>{"kind"} = x3::raw[capital >> *(capital | digit)];

auto const publication = x3::rule<class publication, WrittenPublication>{"publication id"} =
    office >> gap >> -(letter_series >> gap) >> number >> gap >> -kind_text >> x3::eoi;

auto const document_number = x3::rule<class document_number, WrittenNumber>{"document number"} =
    -(letter_series >> gap) >> number >> x3::eoi;

auto const kind = capital >> -digit >> x3::eoi;

}  // namespace grammar

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_capital(char c) { return c >= 'A' && c <= 'Z'; }

std::string upper_cased(std::string_view text) {
    std::string upper(text);
    for (char& c : upper)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return upper;
}

std::string without_separators(std::string_view number) {
    std::string kept;
    for (char c : number)
        if (c != ' ' && c != ',') kept += c;
    return kept;
}

std::string without_leading_zeros(std::string_view digits) {
    auto const first = digits.find_first_not_of('0');
    if (first == std::string_view::npos) return digits.empty() ? std::string() : std::string("0");
    // Zeros are padding only in front of a digit. Dropping them before a letter
    // ("J0RJ000E1") would bring the letter forward into the US series, and the number
    // would change again when canonicalised a second time (found by fuzz_publication_id).
    if (!is_digit(digits[first])) return std::string(digits);
    return std::string(digits.substr(first));
}

std::size_t significant_digits(std::string_view number) {
    std::size_t digits = 0;
    bool leading = true;
    for (char c : number) {
        if (!is_digit(c)) continue;
        if (leading && c == '0') continue;
        leading = false;
        ++digits;
    }
    return digits;
}

std::string series_list(OfficeNumbering const& numbering) {
    std::string list;
    for (auto s : numbering.series) list += (list.empty() ? "" : ", ") + std::string(s);
    return list;
}

// Why a number (series letters and digits, as the grammar split them) cannot be one of
// the office's, or "".
std::string number_problem(std::string_view office, boost::optional<std::string> const& series,
                           std::string_view number) {
    OfficeNumbering const& numbering = numbering_of(office);
    if (series) {
        if (*series == office) return fmt::format("the office {} is written twice", office);
        if (numbering.series.empty())
            return fmt::format("{} numbers carry no letter series, found {}", office, *series);
        if (std::find(numbering.series.begin(), numbering.series.end(), *series) == numbering.series.end())
            return fmt::format("{} is not a letter series of {} numbers ({})", *series, office, series_list(numbering));
    }
    std::size_t const digits = significant_digits(number);
    std::size_t const most = series ? numbering.max_digits_after_series : numbering.max_digits;
    if (digits > most)
        return fmt::format("{} digits, and {} numbers have at most {}{}", digits, office, most,
                           series ? " after the letter series" : "");
    return {};
}

std::string kind_problem(std::string_view kind) {
    auto first = kind.begin();
    if (x3::parse(first, kind.end(), grammar::kind)) return {};
    return fmt::format("kind {} is not one capital letter and an optional digit (WIPO ST.16)", kind);
}

}  // namespace

std::string canonical_doc_number(std::string_view office, std::string_view number) {
    std::string const compact = without_separators(number);
    std::size_t series_end = 0;
    // A letter series naming the type of a serial number (US D0558902, TW M0641234)
    // stays in front; the zeros after it are padding.
    if (numbering_of(office).series_is_type)
        while (series_end < compact.size() && is_capital(compact[series_end])) ++series_end;
    return compact.substr(0, series_end) + without_leading_zeros(std::string_view(compact).substr(series_end));
}

Parsed<PublicationId> parse_publication_id(std::string_view text) {
    using R = Parsed<PublicationId>;
    auto folded = IdentifierText::fold(text);
    if (!folded) return R::fail(refusal("publication id", text, folded.error));
    std::string_view const written_text = folded->text();
    if (written_text.empty()) return R::fail("no publication id given");
    if (auto foreign = foreign_character(written_text); !foreign.empty())
        return R::fail("not a publication id: " + shown(text) + " (" + foreign + ")");
    if (is_digit(written_text.front()))
        return R::fail("no office code before the number: " + std::string(written_text));

    WrittenPublication written;
    auto first = written_text.begin();
    if (!x3::parse(first, written_text.end(), grammar::publication, written))
        return R::fail("not a publication id: " + std::string(written_text));
    if (auto why = number_problem(written.office, written.letter_series, written.number); !why.empty())
        return R::fail("not a publication id: " + std::string(written_text) + " (" + why + ")");
    if (written.kind)
        if (auto why = kind_problem(*written.kind); !why.empty())
            return R::fail("not a publication id: " + std::string(written_text) + " (" + why + ")");

    std::string const number = written.letter_series.value_or("") + written.number;
    return R::ok(
        PublicationId{written.office, canonical_doc_number(written.office, number), written.kind.value_or("")});
}

Parsed<std::string> parse_office(std::string_view printed) {
    auto folded = fold_to_ascii("office", printed);
    if (!folded) return folded;
    std::string const office = upper_cased(*folded);
    if (office.size() != 2 || !is_capital(office[0]) || !is_capital(office[1]))
        return Parsed<std::string>::fail(refusal("office", printed, "not two letters (WIPO ST.3)"));
    return Parsed<std::string>::ok(office);
}

Parsed<std::string> parse_document_number(std::string_view office, std::string_view printed) {
    using R = Parsed<std::string>;
    auto folded = fold_to_ascii("publication number", printed);
    if (!folded) return folded;
    if (folded->empty()) return R::fail("no publication number");
    std::string const text = upper_cased(*folded);

    WrittenNumber written;
    auto first = text.cbegin();
    if (!x3::parse(first, text.cend(), grammar::document_number, written))
        return R::fail(refusal("publication number", printed, "not digits, with at most a letter series in front"));
    if (auto why = number_problem(office, written.letter_series, written.number); !why.empty())
        return R::fail(refusal("publication number", printed, why));
    return R::ok(canonical_doc_number(office, written.letter_series.value_or("") + written.number));
}

Parsed<std::string> parse_kind(std::string_view printed) {
    using R = Parsed<std::string>;
    auto folded = fold_to_ascii("kind", printed);
    if (!folded) return folded;
    if (folded->empty()) return R::fail("no kind code");
    std::string const kind = upper_cased(*folded);
    if (auto why = kind_problem(kind); !why.empty()) return R::fail(refusal("kind", printed, why));
    return R::ok(kind);
}

}  // namespace patsub::ids
