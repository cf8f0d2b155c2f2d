#include "parsers/ids/publication_id.h"

#include <doctest/doctest.h>

#include <string>

using patsub::ids::canonical_doc_number;
using patsub::ids::parse_publication_id;
using patsub::ids::PublicationId;

namespace {

PublicationId publication_of(std::string_view text) {
    auto const parsed = parse_publication_id(text);
    INFO("input: ", std::string(text), " error: ", parsed.error);
    REQUIRE(parsed);
    CHECK(parsed.error.empty());
    return *parsed;
}

std::string error_of(std::string_view text) {
    auto const parsed = parse_publication_id(text);
    INFO("input: ", std::string(text));
    REQUIRE_FALSE(parsed);
    CHECK_FALSE(parsed.error.empty());
    return parsed.error;
}

}  // namespace

TEST_CASE("canonical document numbers drop separators and leading zeros") {
    CHECK(canonical_doc_number("US", "07864699") == "7864699");
    CHECK(canonical_doc_number("US", "D0558902") == "D558902");
    CHECK(canonical_doc_number("US", "PP018398") == "PP18398");
    CHECK(canonical_doc_number("US", "H0002140") == "H2140");
    CHECK(canonical_doc_number("US", "RE045123") == "RE45123");
    CHECK(canonical_doc_number("US", "11,223,344") == "11223344");
    CHECK(canonical_doc_number("EP", "0874807") == "874807");
    CHECK(canonical_doc_number("EP", "3 456 789") == "3456789");
    CHECK(canonical_doc_number("CN", "115212463") == "115212463");
    CHECK(canonical_doc_number("CN", "00001152124630") == "1152124630");
}

TEST_CASE("every written form of a publication id reduces to office, number, kind") {
    struct Case {
        char const* text;
        char const* office;
        char const* number;
        char const* kind;
    };
    for (auto const& c : {Case{"US 11,223,344 B2", "US", "11223344", "B2"},
                          Case{"US11223344B2", "US", "11223344", "B2"},
                          Case{"EP 3 456 789 B1", "EP", "3456789", "B1"},
                          Case{"EP3456789B1", "EP", "3456789", "B1"},
                          Case{"CN 114567890 B", "CN", "114567890", "B"},
                          Case{"CN114567890B", "CN", "114567890", "B"},
                          Case{"USD558902S1", "US", "D558902", "S1"},
                          Case{"US D558,902 S1", "US", "D558902", "S1"},
                          Case{"USPP18398P2", "US", "PP18398", "P2"},
                          Case{"USRE45123E", "US", "RE45123", "E"},
                          Case{"USH2140H", "US", "H2140", "H"},
                          Case{"JP 7123456 B2", "JP", "7123456", "B2"},
                          Case{"US 7864699", "US", "7864699", ""},
                          Case{"US07864699B2", "US", "7864699", "B2"},
                          Case{"EP0874807B1", "EP", "874807", "B1"},
                          Case{"  CA 2300029 C \t", "CA", "2300029", "C"}}) {
        INFO("input: ", c.text);
        auto const id = publication_of(c.text);
        CHECK(id.office == c.office);
        CHECK(id.number == c.number);
        CHECK(id.kind == c.kind);
    }
}

TEST_CASE("canonical publication ids are the grant ids of the contract") {
    CHECK(publication_of("US 8,930,553 B2").canonical() == "US8930553B2");
    CHECK(publication_of("USD558902S1").canonical() == "USD558902S1");
    CHECK(publication_of("USPP18398P2").canonical() == "USPP18398P2");
    CHECK(publication_of("EP 3 383 757 B1").canonical() == "EP3383757B1");
    CHECK(publication_of("CN 114567890 B").canonical() == "CN114567890B");
    CHECK(publication_of("JP 7123456 B2").canonical() == "JP7123456B2");
}

TEST_CASE("a publication id must name its office") {
    CHECK(error_of("7864699 B2") == "no office code before the number: 7864699 B2");
    CHECK(error_of("") == "no publication id given");
}

TEST_CASE("letter series exist on the numbers of the offices that write them") {
    CHECK(error_of("EPD558902S1") == "not a publication id: EPD558902S1 (EP numbers carry no letter series, found D)");
    CHECK(error_of("USQ558902S1") ==
          "not a publication id: USQ558902S1 (Q is not a letter series of US numbers (PP, RE, AI, D, H, T, X))");
    CHECK(error_of("TWQ800049B") == "not a publication id: TWQ800049B (Q is not a letter series of TW numbers (I, M, D))");
}

TEST_CASE("texts that are not publication ids are refused") {
    for (auto const* text : {"US", "US B2", "us 7864699 B2", "US 7864699 b2", "US 7864699 B22", "US 7864699 B2 x",
                             "USA 7864699", "US 7,,864,699", "US 7864699,", "U 7864699", "US-7864699-B2",
                             "USQ558902S1", "US 7864699 \xe5\x8f\xb7"}) {
        CHECK(error_of(text).find("not a publication id: ") == 0);
    }
}
