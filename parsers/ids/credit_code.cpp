#include "parsers/ids/credit_code.h"
#include "parsers/ids/identifier_text.h"

#include <boost/spirit/home/x3.hpp>

#include <array>

namespace patsub::ids {
namespace {

namespace x3 = boost::spirit::x3;

constexpr std::size_t code_length = 18;

// GB 32100-2015 section 4.2: digits and capitals without I, O, Z, S, V, valued 0..30
// in this order.
constexpr std::string_view code_alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

namespace grammar {

auto const code_character = x3::char_("0-9A-HJ-NPQRTUWXY");
// Positions 3-8 hold a GB/T 2260 division code, which is numeric.
auto const division = x3::repeat(6)[x3::char_('0', '9')];

}  // namespace grammar

std::string upper_cased(std::string_view text) {
    std::string upper(text);
    for (char& c : upper)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return upper;
}

// Index of the first character outside the credit-code alphabet, or code.size().
std::size_t alphabet_run(std::string_view code) {
    auto first = code.begin();
    x3::parse(first, code.end(), *grammar::code_character);
    return static_cast<std::size_t>(first - code.begin());
}

bool division_is_numeric(std::string_view code) {
    std::string_view const division = code.substr(2, 6);
    auto first = division.begin();
    return x3::parse(first, division.end(), grammar::division >> x3::eoi);
}

int code_value(char c) { return static_cast<int>(code_alphabet.find(c)); }

// GB 32100-2015 section 5: weights 3^(i-1) mod 31 over positions 1-17,
// check value (31 - S mod 31) mod 31 written in the same alphabet.
char expected_code_check(std::string_view code) {
    static constexpr std::array<int, 17> weights{1, 3, 9, 27, 19, 26, 16, 17, 20,
                                                 29, 25, 13, 8, 24, 10, 30, 28};
    int sum = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) sum += code_value(code[i]) * weights[i];
    return code_alphabet[static_cast<std::size_t>((31 - sum % 31) % 31)];
}

// GB 11714 values the full Latin alphabet (A=10 .. Z=35), unlike GB 32100.
int organisation_value(char c) { return c <= '9' ? c - '0' : c - 'A' + 10; }

// GB 11714: positions 9-16 weighted 3,7,9,10,5,8,4,2; C = 11 - S mod 11, 10 -> X, 11 -> 0.
char expected_organisation_check(std::string_view organisation_body) {
    static constexpr std::array<int, 8> weights{3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) sum += organisation_value(organisation_body[i]) * weights[i];
    int const check = 11 - sum % 11;
    if (check == 10) return 'X';
    if (check == 11) return '0';
    return static_cast<char>('0' + check);
}

std::string describe_character(char c) {
    if (c > ' ' && c <= '~') return std::string("character ") + c;
    return "a non-ASCII or blank character";
}

}  // namespace

Parsed<CreditCode> parse_credit_code(std::string_view text) {
    auto folded = IdentifierText::fold(text);
    if (!folded) return Parsed<CreditCode>::fail(refusal("credit code", text, folded.error));
    if (auto foreign = foreign_character(folded->text()); !foreign.empty())
        return Parsed<CreditCode>::fail(refusal("credit code", text, foreign));
    std::string const code = upper_cased(folded->text());
    if (code.size() != code_length)
        return Parsed<CreditCode>::fail("a credit code has 18 characters, not " + std::to_string(code.size()) +
                                         ": " + code);

    if (std::size_t const bad = alphabet_run(code); bad != code.size())
        return Parsed<CreditCode>::fail(describe_character(code[bad]) + " at position " + std::to_string(bad + 1) +
                                        " is not used in credit codes (no I, O, Z, S or V): " + code);
    if (!division_is_numeric(code))
        return Parsed<CreditCode>::fail("positions 3-8 must be the digits of a division code: " + code);

    std::string_view const body(code.data(), code_length - 1);
    if (char const expected = expected_code_check(body); code.back() != expected)
        return Parsed<CreditCode>::fail(std::string("check character ") + code.back() + " does not match " +
                                        std::string(body) + " (expected " + expected + ")");

    std::string_view const organisation_body(code.data() + 8, 8);
    char const organisation_check = code[16];
    if (char const expected = expected_organisation_check(organisation_body); organisation_check != expected)
        return Parsed<CreditCode>::fail(std::string("organisation-code check ") + organisation_check +
                                        " does not match " + std::string(organisation_body) + " (expected " +
                                        expected + ")");

    return Parsed<CreditCode>::ok(CreditCode{code});
}

}  // namespace patsub::ids
