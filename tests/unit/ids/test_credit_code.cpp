#include "parsers/ids/credit_code.h"

#include <doctest/doctest.h>

#include <string>

using patsub::ids::parse_credit_code;

namespace {

std::string error_of(std::string_view text) {
    auto const parsed = parse_credit_code(text);
    INFO("input: ", std::string(text));
    REQUIRE_FALSE(parsed);
    CHECK_FALSE(parsed.error.empty());
    return parsed.error;
}

}  // namespace

TEST_CASE("valid credit codes pass both checks") {
    for (auto const* text : {"91110000600037341L", "91110000710926094P", "91340600MA2PBM9HXD", "9144030071526726XG",
                             "121200004013590816", "92340602MA2PBMEM24", "91620105L015101280", "9131012056010553X5",
                             "91530100MA6K3YXF8W", "91530100678728169X", "915300007194052520"}) {
        INFO("input: ", text);
        auto const parsed = parse_credit_code(text);
        CHECK(parsed.error == "");
        REQUIRE(parsed);
        CHECK(parsed->text == text);
    }
}

TEST_CASE("a credit code is upper-cased and trimmed") {
    auto const parsed = parse_credit_code("  91340600ma2pbm9hxd\t");
    REQUIRE(parsed);
    CHECK(parsed->text == "91340600MA2PBM9HXD");
}

TEST_CASE("the registration division is positions 3-8") {
    auto const parsed = parse_credit_code("91530100MA6K3YXF8W");
    REQUIRE(parsed);
    CHECK(parsed->registration_division() == "530100");
}

TEST_CASE("a wrong position-18 check names the expected character") {
    CHECK(error_of("91110000600037341N") == "check character N does not match 91110000600037341 (expected L)");
    CHECK(error_of("91530100678904567E") == "check character E does not match 91530100678904567 (expected 7)");
    // Early pilot codes fail GB 32100 although the company exists; the caller decides.
    CHECK(error_of("91350100M0001TGQXM") == "check character M does not match 91350100M0001TGQX (expected 1)");
    CHECK(error_of("A1110000600037341L") == "check character L does not match A1110000600037341 (expected K)");
}

TEST_CASE("a wrong organisation-code check at position 17 is refused even when position 18 holds") {
    // 60003734-1 is the organisation code; with -2 the whole-code check is recomputed to stay valid.
    CHECK(error_of("91110000600037342P") == "organisation-code check 2 does not match 60003734 (expected 1)");
}

TEST_CASE("lengths other than 18 are refused") {
    CHECK(error_of("12345") == "a credit code has 18 characters, not 5: 12345");
    CHECK(error_of("91110000600037341L0") == "a credit code has 18 characters, not 19: 91110000600037341L0");
    CHECK(error_of("") == "a credit code has 18 characters, not 0: ");
}

TEST_CASE("letters I O Z S V and other characters are refused with their position") {
    CHECK(error_of("9111000060003IOZSV") ==
          "character I at position 14 is not used in credit codes (no I, O, Z, S or V): 9111000060003IOZSV");
    CHECK(error_of("91110000-60003734L") ==
          "character - at position 9 is not used in credit codes (no I, O, Z, S or V): 91110000-60003734L");
    CHECK(error_of("9111000060003734 L") ==
          "a non-ASCII or blank character at position 17 is not used in credit codes (no I, O, Z, S or V): "
          "9111000060003734 L");
}

TEST_CASE("positions 3-8 must be digits") {
    CHECK(error_of("91A10000600037341L") == "positions 3-8 must be the digits of a division code: 91A10000600037341L");
}
