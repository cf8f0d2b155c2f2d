#include "parsers/ids/cn_application_number.h"

#include <doctest/doctest.h>

#include <string>

using patsub::ids::CheckDigit;
using patsub::ids::cn_check_character;
using patsub::ids::parse_cn_application_number;

namespace {

std::string canonical_of(std::string_view text, CheckDigit need = CheckDigit::required) {
    auto const parsed = parse_cn_application_number(text, need);
    INFO("input: ", std::string(text), " error: ", parsed.error);
    REQUIRE(parsed);
    CHECK(parsed.error.empty());
    return parsed->canonical();
}

std::string error_of(std::string_view text, CheckDigit need = CheckDigit::required) {
    auto const parsed = parse_cn_application_number(text, need);
    INFO("input: ", std::string(text));
    REQUIRE_FALSE(parsed);
    CHECK_FALSE(parsed.error.empty());
    return parsed.error;
}

}  // namespace

TEST_CASE("cn check character follows weights 2..9,2..5 and sum mod 11") {
    CHECK(cn_check_character("201710601862") == '3');
    CHECK(cn_check_character("95115608") == 'X');
    CHECK(cn_check_character("97101765") == '4');
    CHECK(cn_check_character("201080063196") == '9');
    CHECK(cn_check_character("201920123456") == '5');
    CHECK(cn_check_character("201510481495") == '9');
    CHECK(cn_check_character("202110991218") == '8');
    CHECK(cn_check_character("89103229") == '0');
}

TEST_CASE("cn check character refuses what is not 8 or 12 digits") {
    CHECK(cn_check_character("") == 0);
    CHECK(cn_check_character("2019201234") == 0);
    CHECK(cn_check_character("20192012345X") == 0);
}

TEST_CASE("every written form of a current application number reduces to one canonical text") {
    for (auto const* text : {"201920123456.5", "2019201234565", "CN201920123456.5", "ZL201920123456.5",
                             "cn201920123456.5", "zl201920123456.5", "ZL 201920123456.5", "2019 2 0123456.5",
                             "2019 20123456.5", "20192 0123456.5", "ZL 2019 2 0123456.5", "  201920123456.5\t\n"}) {
        CHECK(canonical_of(text) == "201920123456.5");
    }
    CHECK(canonical_of("ZL 2017 1 0601862.3") == "201710601862.3");
}

TEST_CASE("the parsed number exposes digits, check and type") {
    auto const parsed = parse_cn_application_number("CN201080063196.9");
    REQUIRE(parsed);
    CHECK(parsed->digits == "201080063196");
    CHECK(parsed->check == '9');
    CHECK(parsed->type_digit() == 8);

    auto const early = parse_cn_application_number("95115608.X");
    REQUIRE(early);
    CHECK(early->digits == "95115608");
    CHECK(early->check == 'X');
    CHECK(early->type_digit() == 1);
}

TEST_CASE("pre-2003 numbers carry their check after a dot") {
    CHECK(canonical_of("95115608.X") == "95115608.X");
    CHECK(canonical_of("95115608.x") == "95115608.X");
    CHECK(canonical_of("ZL95115608.X") == "95115608.X");
    CHECK(canonical_of("97101765.4") == "97101765.4");
    CHECK(canonical_of("95 1 15608.X") == "95115608.X");
    // Nine bare digits could as well be a CN publication number.
    CHECK(error_of("951156080").find("not a CN application number") == 0);
}

TEST_CASE("the CNIPA 15-digit standard form maps to year, type, serial with a computed check") {
    CHECK(canonical_of("102015000481495") == "201510481495.9");
    CHECK(canonical_of("102021000991218") == "202110991218.8");
    CHECK(canonical_of("CN102015000481495") == "201510481495.9");

    auto const parsed = parse_cn_application_number("102021000991218");
    REQUIRE(parsed);
    CHECK(parsed->type_digit() == 1);
}

TEST_CASE("15 digits in any other layout are refused") {
    CHECK(error_of("112015000481495").find("CNIPA standard form") != std::string::npos);
    CHECK(error_of("102015010481495").find("CNIPA standard form") != std::string::npos);
    CHECK(error_of("402015000481495") == "type digit 4 of 201540481495 is not 1, 2, 3, 8 or 9");
}

TEST_CASE("a number without check digit is only a core for linking families") {
    CHECK(error_of("201920123456") == "no check digit");
    CHECK(error_of("2007 1 0146763") == "no check digit");
    CHECK(error_of("88100001") == "no check digit");

    CHECK(canonical_of("201920123456", CheckDigit::optional) == "201920123456");
    CHECK(canonical_of("2007 1 0146763", CheckDigit::optional) == "200710146763");
    CHECK(canonical_of("CN88100001", CheckDigit::optional) == "88100001");

    auto const parsed = parse_cn_application_number("2007 1 0146763", CheckDigit::optional);
    REQUIRE(parsed);
    CHECK(parsed->check == 0);
    CHECK(parsed->type_digit() == 1);
}

TEST_CASE("an optional check digit, when written, must still match") {
    CHECK(canonical_of("201920123456.5", CheckDigit::optional) == "201920123456.5");
    CHECK(error_of("201920123456.4", CheckDigit::optional) ==
          "check digit 4 does not match 201920123456 (expected 5)");
}

TEST_CASE("a wrong check digit names the expected one") {
    CHECK(error_of("201710601862.4") == "check digit 4 does not match 201710601862 (expected 3)");
    CHECK(error_of("2017106018624") == "check digit 4 does not match 201710601862 (expected 3)");
    CHECK(error_of("95115608.0") == "check digit 0 does not match 95115608 (expected X)");
    CHECK(error_of("89103229.2") == "check digit 2 does not match 89103229 (expected 0)");
    CHECK(error_of("201920123456.X") == "check digit X does not match 201920123456 (expected 5)");
}

TEST_CASE("the type digit must be 1, 2, 3, 8 or 9") {
    CHECK(error_of("201940123456.5") == "type digit 4 of 201940123456 is not 1, 2, 3, 8 or 9");
    CHECK(error_of("95015608.X") == "type digit 0 of 95015608 is not 1, 2, 3, 8 or 9");
    for (auto const* text : {"201910123456", "201920123456", "201930123456", "201980123456", "201990123456"})
        CHECK(parse_cn_application_number(text, CheckDigit::optional));
}

TEST_CASE("texts that are not application numbers are refused") {
    CHECK(error_of("") == "no CN application number given");
    CHECK(error_of("   ") == "no CN application number given");
    for (auto const* text : {"abc", "2019 2 012 3456.5", "2019  2 0123456.5", "201920123456 .5", "201920123456. 5",
                             "201920123456.", "2019201234565.5", "20192012345", "2019201234567890",
                             "US201920123456.5", "ZLZL201920123456.5", "PCT/CN2008/071839", "201920123456.55",
                             "\xe4\xb8\x93\xe5\x88\xa9"}) {
        CHECK(error_of(text).find("not a CN application number: ") == 0);
    }
}
