#include "parsers/ids/cn_application_number.h"
#include "parsers/ids/identifier_text.h"

#include <boost/fusion/include/adapt_struct.hpp>
#include <boost/optional.hpp>
#include <boost/spirit/home/x3.hpp>

#include <algorithm>
#include <array>
#include <optional>

namespace patsub::ids {
namespace {

// What a written number says before any CNIPA rule is applied to it.
struct WrittenNumber {
    std::string digits;            // year, type and serial blocks, spaces removed
    boost::optional<char> check;   // as written after the number, if at all
};

// The CNIPA standard form T 0 YYYY 00 NNNNNNN puts the type digit first.
struct StandardForm {
    char type = 0;
    std::string year;
    std::string serial;
};

}  // namespace
}  // namespace patsub::ids

BOOST_FUSION_ADAPT_STRUCT(patsub::ids::WrittenNumber, digits, check)
BOOST_FUSION_ADAPT_STRUCT(patsub::ids::StandardForm, type, year, serial)

namespace patsub::ids {
namespace {

namespace x3 = boost::spirit::x3;

namespace grammar {

// ASCII only: the classification functions behind x3::digit are undefined for the
// negative chars that UTF-8 text (e.g. a full-width dot) would bring.
auto const digit = x3::char_('0', '9');
auto const check_character = x3::char_('0', '9') | x3::char_("Xx");
// The writing rule allows one optional space between year/type and type/serial.
auto const block_gap = -x3::lit(' ');

// The patent number on a certificate is "ZL" + application number; "CN" is the office.
auto const office_prefix = (x3::no_case[x3::lit("CN")] | x3::no_case[x3::lit("ZL")]) >> block_gap;

// From 1 Oct 2003: YYYY T NNNNNNN, the check after a dot or written straight on.
auto const current_core = x3::rule<class current_core, std::string>{"YYYY T NNNNNNN"} =
    x3::repeat(4)[digit] >> block_gap >> digit >> block_gap >> x3::repeat(7)[digit];
auto const current_form = x3::rule<class current_form, WrittenNumber>{"current form"} =
    current_core >> -(-x3::lit('.') >> check_character);

// 1985 - Sep 2003: YY T NNNNN. Without the dot, nine digits would read just as well
// as a 9-digit CN publication number, so the dot is required before the check here.
auto const early_core = x3::rule<class early_core, std::string>{"YY T NNNNN"} =
    x3::repeat(2)[digit] >> block_gap >> digit >> block_gap >> x3::repeat(5)[digit];
auto const early_form = x3::rule<class early_form, WrittenNumber>{"early form"} =
    early_core >> -('.' >> check_character);

auto const standard_form = x3::rule<class standard_form, StandardForm>{"standard form"} =
    digit >> x3::lit('0') >> x3::repeat(4)[digit] >> x3::lit("00") >> x3::repeat(7)[digit];

}  // namespace grammar

template <class Parser, class Attribute>
bool parse_whole(std::string_view text, Parser const& parser, Attribute& attribute) {
    auto first = text.begin();
    return x3::parse(first, text.end(), parser >> x3::eoi, attribute);
}

std::string_view without_office_prefix(std::string_view text) {
    auto first = text.begin();
    x3::parse(first, text.end(), grammar::office_prefix);
    return text.substr(static_cast<std::size_t>(first - text.begin()));
}

bool is_standard_form_length(std::string_view text) {
    return text.size() == 15 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// 102015000481495 -> 201510481495 with its check computed, as CNIPA never prints one.
WrittenNumber from_standard_form(StandardForm const& standard) {
    std::string digits = standard.year + standard.type + standard.serial;
    char const check = cn_check_character(digits);
    return WrittenNumber{std::move(digits), check};
}

std::optional<WrittenNumber> read_written_number(std::string_view text) {
    if (StandardForm standard; parse_whole(text, grammar::standard_form, standard))
        return from_standard_form(standard);
    if (WrittenNumber written; parse_whole(text, grammar::current_form, written)) return written;
    if (WrittenNumber written; parse_whole(text, grammar::early_form, written)) return written;
    return std::nullopt;
}

bool is_known_type_digit(char type) {
    return type == '1' || type == '2' || type == '3' || type == '8' || type == '9';
}

char upper_check(char check) { return check == 'x' ? 'X' : check; }

}  // namespace

std::string CnApplicationNumber::canonical() const {
    return check == 0 ? digits : digits + '.' + check;
}

int CnApplicationNumber::type_digit() const {
    // The type digit follows the year: 4 digits since Oct 2003, 2 before.
    std::size_t const at = digits.size() == 12 ? 4 : 2;
    return at < digits.size() ? digits[at] - '0' : 0;
}

char cn_check_character(std::string_view digits) {
    static constexpr std::array<int, 12> weights{2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
    if (digits.size() != 8 && digits.size() != 12) return 0;
    int sum = 0;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (digits[i] < '0' || digits[i] > '9') return 0;
        sum += (digits[i] - '0') * weights[i];
    }
    // The remainder itself is the check (no "11 - r" step); 10 is written X.
    int const remainder = sum % 11;
    return remainder == 10 ? 'X' : static_cast<char>('0' + remainder);
}

Parsed<CnApplicationNumber> parse_cn_application_number(std::string_view text, CheckDigit need) {
    auto folded = IdentifierText::fold(text);
    if (!folded) return Parsed<CnApplicationNumber>::fail(refusal("CN application number", text, folded.error));
    std::string_view const written_text = folded->text();
    if (written_text.empty()) return Parsed<CnApplicationNumber>::fail("no CN application number given");
    if (auto foreign = foreign_character(written_text); !foreign.empty())
        return Parsed<CnApplicationNumber>::fail("not a CN application number: " + shown(text) + " (" + foreign + ")");

    std::string_view const number_text = without_office_prefix(written_text);
    auto const written = read_written_number(number_text);
    if (!written) {
        if (is_standard_form_length(number_text))
            return Parsed<CnApplicationNumber>::fail(
                "15 digits but not the CNIPA standard form T0YYYY00NNNNNNN: " + std::string(number_text));
        return Parsed<CnApplicationNumber>::fail("not a CN application number: " + std::string(written_text));
    }

    CnApplicationNumber number{written->digits, 0};
    char const type = static_cast<char>('0' + number.type_digit());
    if (!is_known_type_digit(type))
        return Parsed<CnApplicationNumber>::fail(std::string("type digit ") + type + " of " + number.digits +
                                                 " is not 1, 2, 3, 8 or 9");

    char const expected = cn_check_character(number.digits);
    if (!written->check) {
        if (need == CheckDigit::required) return Parsed<CnApplicationNumber>::fail("no check digit");
        return Parsed<CnApplicationNumber>::ok(std::move(number));
    }
    char const check = upper_check(*written->check);
    if (check != expected)
        return Parsed<CnApplicationNumber>::fail(std::string("check digit ") + check + " does not match " +
                                                 number.digits + " (expected " + expected + ")");
    number.check = check;
    return Parsed<CnApplicationNumber>::ok(std::move(number));
}

}  // namespace patsub::ids
