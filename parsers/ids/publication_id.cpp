#include "parsers/ids/publication_id.h"
#include "parsers/ids/trim.h"

#include <boost/fusion/include/adapt_struct.hpp>
#include <boost/optional.hpp>
#include <boost/spirit/home/x3.hpp>

namespace patsub::ids {
namespace {

// A publication id as written, before the number is made canonical.
struct WrittenPublication {
    std::string office;
    boost::optional<std::string> letter_prefix;
    std::string number;  // digits with the spaces and commas the writer used
    boost::optional<std::string> kind;
};

}  // namespace
}  // namespace patsub::ids

BOOST_FUSION_ADAPT_STRUCT(patsub::ids::WrittenPublication, office, letter_prefix, number, kind)

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

// USPTO series letters: D design, PP plant, RE reissue, H statutory invention
// registration, T defensive publication, X and AI the pre-1836 and AIA series.
auto const us_series = x3::rule<class us_series, std::string>{"US series letters"} =
    x3::raw[x3::lit("PP") | x3::lit("RE") | x3::lit("AI") | x3::char_("DHTX")];

// Offices group digits with spaces (EP 3 456 789) or commas (US 11,223,344).
auto const number = x3::rule<class number, std::string>{"number"} =
    x3::raw[digit >> *(-x3::char_(" ,") >> digit)];

// WIPO ST.16: a capital letter, optionally one digit, closing the id.
auto const kind = x3::rule<class kind, std::string>{"kind"} = x3::raw[capital >> -digit];

auto const publication = x3::rule<class publication, WrittenPublication>{"publication id"} =
    office >> gap >> -(us_series >> gap) >> number >> gap >> -kind >> x3::eoi;

}  // namespace grammar

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_capital(char c) { return c >= 'A' && c <= 'Z'; }

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

}  // namespace

std::string canonical_doc_number(std::string_view office, std::string_view number) {
    std::string const compact = without_separators(number);
    std::size_t series_end = 0;
    // Only the USPTO keeps letter series in front of its numbers (D0558902, PP018398).
    if (office == "US")
        while (series_end < compact.size() && is_capital(compact[series_end])) ++series_end;
    return compact.substr(0, series_end) + without_leading_zeros(std::string_view(compact).substr(series_end));
}

Parsed<PublicationId> parse_publication_id(std::string_view text) {
    std::string_view const written_text = trim(text);
    if (written_text.empty()) return Parsed<PublicationId>::fail("no publication id given");
    if (is_digit(written_text.front()))
        return Parsed<PublicationId>::fail("no office code before the number: " + std::string(written_text));

    WrittenPublication written;
    auto first = written_text.begin();
    if (!x3::parse(first, written_text.end(), grammar::publication, written))
        return Parsed<PublicationId>::fail("not a publication id: " + std::string(written_text));
    if (written.letter_prefix && written.office != "US")
        return Parsed<PublicationId>::fail("only US numbers carry a letter series like " + *written.letter_prefix +
                                           ": " + std::string(written_text));

    std::string const number = written.letter_prefix.value_or("") + written.number;
    return Parsed<PublicationId>::ok(
        PublicationId{written.office, canonical_doc_number(written.office, number), written.kind.value_or("")});
}

}  // namespace patsub::ids
