// The reasoning's stored text is hashed with its line: its shape must not drift. These
// texts are what the hand-made writer before ledger/reasoning.h produced, byte for byte.
#include "ledger/reasoning.h"

#include <doctest/doctest.h>

using namespace patsub;
using namespace patsub::ledger;

namespace {

Decision sample_decision() {
    Decision d;
    d.clause = "8.7";
    d.policy_version = "2019-06-12";
    d.cap = CapStanding{"F1", {"CN1U", "US2B2"}, {"US"}, 1};
    d.checks = {{"is a grant", true, "kind U at CN"}, {"no rights dispute", false, "line \"7\"\ttab\x01"}};
    return d;
}

}  // namespace

TEST_CASE("a grant's reasoning is stored in the shape explain and audits have always read") {
    Grant g;
    g.office = "CN";
    g.number = "1";
    g.kind = "U";
    g.date = date_from_iso("2024-01-02");
    g.title = "一种电池";
    g.application_number = "202120873416.X";
    g.source = {"grants/a.xml", 2, 31};
    g.patentees = {{"昆明甲公司", "昆明市", "昆明", "CN", {"other"}}};
    g.priorities = {{"US", "63/123", std::nullopt}};
    Classification c;
    c.kind_note = "实用新型";
    const std::string text = to_json_text(reasoning_for(g, c, sample_decision()));
    CHECK(text ==
          R"({"grant":{"id":"CN1U","title":"一种电池","date":"2024-01-02","application_number":"202120873416.X",)"
          R"("declared_type":"","kind_note":"实用新型","source":{"file":"grants/a.xml","document":2,"line":31},)"
          R"("patentees":[{"name":"昆明甲公司","address":"昆明市","city":"昆明","country":"CN"}],)"
          R"("priorities":[{"country":"US","number":"63/123","date":""}],"pct_application":""},)"
          R"("policy_version":"2019-06-12","clause":"8.7","family":{"id":"F1","members":["CN1U","US2B2"],)"
          R"("funded_jurisdictions":["US"],"slots_left":1},"checks":[{"check":"is a grant","holds":true,)"
          R"("detail":"kind U at CN"},{"check":"no rights dispute","holds":false,"detail":"line \"7\"\ttab\u0001"}]})");

    const auto back = reasoning_from_json(text);
    REQUIRE(back);
    REQUIRE(back->grant);
    CHECK(back->grant->id == "CN1U");
    CHECK(back->grant->source.line == 31);
    CHECK(back->grant->patentees.at(0).name == "昆明甲公司");
    CHECK_FALSE(back->grant->priorities.at(0).date);
    REQUIRE(back->family);
    CHECK(back->family->funded == std::vector<std::string>{"US"});
    CHECK(back->family->slots_left == 1);
    CHECK(back->checks.size() == 2);
    CHECK_FALSE(back->checks[1].holds);
    CHECK(back->checks[1].detail == "line \"7\"\ttab\x01");
    CHECK(to_json_text(*back) == text);
}

TEST_CASE("an award's reasoning names the recognition first") {
    Decision d;
    d.clause = "8.10";
    d.policy_version = "2019-06-12";
    const std::string text = to_json_text(reasoning_for(Recognition{"91530100MA6K3W0X1U", "昆明乙", "pilot", 2023,
                                                                    "enterprises/2023.csv:3"}, d));
    CHECK(text == R"({"recognition":{"uscc":"91530100MA6K3W0X1U","name":"昆明乙","recognition":"pilot","year":2023,)"
                  R"("source":"enterprises/2023.csv:3"},"policy_version":"2019-06-12","clause":"8.10","checks":[]})");
    const auto back = reasoning_from_json(text);
    REQUIRE(back);
    REQUIRE(back->recognition);
    CHECK(back->recognition->year == 2023);
    CHECK_FALSE(back->grant);
}

TEST_CASE("text that is not the reasoning's JSON is refused, not guessed") {
    CHECK_FALSE(reasoning_from_json("not json"));
    CHECK_FALSE(reasoning_from_json("[1,2]"));
    CHECK_FALSE(reasoning_from_json(""));
}
