// Inputs the fuzz targets in fuzz/ found (issue 5, point 6), kept as regression tests:
// each names the target and the property that broke.
#include "parsers/ids/publication_id.h"

#include <doctest/doctest.h>

#include <string>

using patsub::ids::canonical_doc_number;
using patsub::ids::parse_publication_id;

TEST_CASE("fuzz_publication_id: a canonical number is canonical; zeros before a letter are not padding") {
    // Found input "USJ0RJ000E1": once "JRJ000E1", twice "JRJE1".
    const std::string once = canonical_doc_number("US", "J0RJ000E1");
    CHECK(once == "J0RJ000E1");
    CHECK(canonical_doc_number("US", once) == once);
    for (const char* printed : {"0A1", "D00X5", "PP0A0B", "00D5", "A0B0C"}) {
        CAPTURE(printed);
        for (const char* office : {"US", "EP", "CN"}) {
            const std::string first = canonical_doc_number(office, printed);
            CHECK(canonical_doc_number(office, first) == first);
        }
    }
    // Real padding still goes, in front of digits and after a US series.
    CHECK(canonical_doc_number("US", "D0558902") == "D558902");
    CHECK(canonical_doc_number("US", "PP018398") == "PP18398");
    CHECK(canonical_doc_number("US", "07864699") == "7864699");
    CHECK(canonical_doc_number("EP", "0874807") == "874807");
    CHECK(canonical_doc_number("US", "0000") == "0");
    const auto id = parse_publication_id("USD 0,558,902 S1");
    REQUIRE(id);
    CHECK(id->canonical() == "USD558902S1");
}
