// Grant ids: what the edge writes is ASCII [A-Z]{2}[A-Z0-9]+[A-Z][0-9]?, and for every
// office of the kind table the id built from a document's parts parses back, as a list
// or `explain` would read it, to the same office, number and kind (issue 14 point 1).
#include "parsers/ids/grant_id.h"
#include "parsers/ids/publication_id.h"

#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace patsub::ids;

TEST_CASE("a canonical grant id is ASCII office, number and kind, whole") {
    for (auto const* id : {"CN217000101U", "US8930553B2", "USD558902S1", "USPP18398P2", "EP3383757B1",
                           "TWI800049B", "TWM600021U", "TWD200001S", "MOJ1234B", "JPH08123456A", "KR1020220001274B1"})
        CHECK_MESSAGE(is_canonical_grant_id(id), id);
    for (auto const* id : {"", "CN", "CNU", "CN217000101", "CN217000101UU", "CN217000101U12", "cn217000101U",
                           "CN217000101u", "C1217000101U", "CN217 000101U", "CN217-000101U", "CN217000101U\n",
                           "CN\xEF\xBC\x92" "17000101U", "CN217\xE2\x80\x8B" "000101U"})
        CHECK_MESSAGE(!is_canonical_grant_id(id), id);
}

namespace {

// Numbers as the readers hand them over for each office (DOCDB doc-number, USPTO
// zero-padded series numbers, TIPO letter-prefixed grant numbers, KIPRIS registration
// numbers), several per office where the office writes several kinds of number.
std::vector<std::string> printed_numbers(std::string const& office) {
    static std::map<std::string, std::vector<std::string>> const by_office{
        {"US", {"07864699", "D0558902", "PP018398", "RE045123", "H0002140", "2014102795"}},
        {"TW", {"I800049", "M600021", "D200001", "I0800049", "200712345"}},
        {"MO", {"J001234", "I000123", "U000456"}},
        {"JP", {"7123456", "2021041306", "H08123456"}},
        {"KR", {"102650748", "1020220001274"}},
        {"CN", {"217000101", "0215634829", "1015003"}},
        {"EP", {"0874807", "3383757"}},
        {"WO", {"2022259205"}},
        {"DE", {"1258188", "102004012345"}},
    };
    auto const found = by_office.find(office);
    if (found != by_office.end()) return found->second;
    return {"1234567", "0012345"};
}

std::map<std::string, std::set<std::string>> kinds_by_office() {
    std::ifstream table(PATSUB_SOURCE_DIR "/schemas/kind-codes.csv");
    REQUIRE(table);
    std::map<std::string, std::set<std::string>> kinds;
    std::string line;
    std::getline(table, line);  // office,kind,from,to,is_grant,patent_type,note
    while (std::getline(table, line)) {
        auto const comma = line.find(',');
        auto const next = line.find(',', comma + 1);
        if (comma == std::string::npos || next == std::string::npos) continue;
        kinds[line.substr(0, comma)].insert(line.substr(comma + 1, next - comma - 1));
    }
    return kinds;
}

}  // namespace

TEST_CASE("every office and kind of the kind table: the grant id parses back to its parts") {
    auto const kinds = kinds_by_office();
    REQUIRE(kinds.size() >= 25);
    std::size_t checked = 0;
    for (auto const& [office, office_kinds] : kinds) {
        for (auto const& kind : office_kinds) {
            for (auto const& printed : printed_numbers(office)) {
                INFO("office ", office, " number ", printed, " kind ", kind);
                auto const o = parse_office(office);
                auto const n = parse_document_number(office, printed);
                auto const k = parse_kind(kind);
                REQUIRE_MESSAGE(o, o.error);
                REQUIRE_MESSAGE(n, n.error);
                REQUIRE_MESSAGE(k, k.error);
                std::string const id = *o + *n + *k;
                CHECK(is_canonical_grant_id(id));
                // As the id is written in a disputes list, spaced as a person may write it,
                // and with the number as printed in the XML.
                for (std::string const& written : {id, *o + " " + *n + " " + *k, *o + printed + *k}) {
                    auto const back = parse_publication_id(written);
                    INFO("written ", written);
                    REQUIRE_MESSAGE(back, back.error);
                    CHECK(back->office == *o);
                    CHECK(back->number == *n);
                    CHECK(back->kind == *k);
                    CHECK(back->canonical() == id);
                }
                ++checked;
            }
        }
    }
    MESSAGE("checked ", checked, " office/number/kind combinations");
}

TEST_CASE("Taiwan and Macao ids are one id however they are written") {
    for (auto const* written : {"TWI800049B", "TW I800049 B", "TW I 800049 B", "TWI0800049B", "TW\u3000I800049B",
                                "\uFF34\uFF37\uFF29\uFF18\uFF10\uFF10\uFF10\uFF14\uFF19\uFF22"}) {
        auto const id = parse_publication_id(written);
        REQUIRE_MESSAGE(id, id.error);
        CHECK(id->canonical() == "TWI800049B");
    }
    CHECK(parse_publication_id("TWM600021U")->canonical() == "TWM600021U");
    CHECK(parse_publication_id("TWD200001S")->canonical() == "TWD200001S");
    CHECK(parse_publication_id("MOJ001234B")->canonical() == "MOJ1234B");
    CHECK(parse_publication_id("MO J1234 B")->canonical() == "MOJ1234B");
}
