#include "fixtures.h"
#include "policy/policy.h"

#include <doctest/doctest.h>

#include <fstream>

using namespace patsub;
using namespace patsub::test;

TEST_CASE("the shipped policy holds clauses 8.1-8.10 in fen") {
    const auto& p = shipped_policy();
    REQUIRE(p.versions().size() == 1);
    const auto& v = p.versions().front();
    CHECK(to_iso(v.effective_from) == "2019-06-12");
    auto amount = [&](PatentType t, Jurisdiction j) { return v.clause_for(t, j)->amount.fen; };
    CHECK(amount(PatentType::invention, Jurisdiction::A) == 3'000'000);
    CHECK(amount(PatentType::utility_model, Jurisdiction::A) == 500'000);
    CHECK(amount(PatentType::invention, Jurisdiction::B) == 2'000'000);
    CHECK(amount(PatentType::utility_model, Jurisdiction::B) == 300'000);
    CHECK(amount(PatentType::invention, Jurisdiction::CN) == 300'000);
    CHECK(amount(PatentType::utility_model, Jurisdiction::CN) == 60'000);
    CHECK(amount(PatentType::design, Jurisdiction::CN) == 20'000);
    CHECK(v.clause_for(PatentType::design, Jurisdiction::A) == nullptr);
    CHECK(v.award_clause("demonstration")->amount.fen == 10'000'000);
    CHECK(v.award_clause("pilot")->amount.fen == 8'000'000);
    CHECK(v.cap_jurisdictions == 2);
    CHECK(v.group_a.count("ME"));
    CHECK_FALSE(v.group_a.count("RU"));
}

TEST_CASE("conditions exactly as written, unless the reading says both") {
    const auto& v = shipped_policy().versions().front();
    auto conds = v.conditions_of(*v.clause_for(PatentType::utility_model, Jurisdiction::CN));
    REQUIRE(conds.size() == 1);
    CHECK(conds[0] == Condition::not_abnormal);
    conds = v.conditions_of(*v.clause_for(PatentType::invention, Jurisdiction::A));
    REQUIRE(conds.size() == 1);
    CHECK(conds[0] == Condition::no_dispute);
}

TEST_CASE("the effective date is inclusive") {
    const auto& p = shipped_policy();
    CHECK(p.at(day("2019-06-11")).outcome == PolicyLookup::Outcome::before_effective_date);
    CHECK(p.at(day("2019-06-12")).outcome == PolicyLookup::Outcome::in_force);
}

namespace {
std::filesystem::path write_policy(const std::string& name, const std::string& text) {
    auto dir = std::filesystem::temp_directory_path() / "patsub-policy-test";
    std::filesystem::create_directories(dir);
    auto f = dir / name;
    std::ofstream(f) << text;
    return f;
}

std::string shipped_text() {
    std::ifstream in(PATSUB_SOURCE_DIR "/samples/policy/kunming-measure8.xml");
    return std::string(std::istreambuf_iterator<char>(in), {});
}
}  // namespace

TEST_CASE("a policy that breaks the schema is refused with the cause") {
    auto text = shipped_text();
    text.replace(text.find("amount-fen=\"60000\""), 18, "amount-fen=\"600.00\"");
    auto f = write_policy("float-amount.xml", text);
    CHECK_THROWS_WITH_AS(Policy::load(f, PATSUB_SOURCE_DIR "/schemas/policy.xsd"),
                         doctest::Contains("amount-fen"), PolicyError);
}

TEST_CASE("two clauses paying the same type and jurisdiction are refused") {
    auto text = shipped_text();
    text.replace(text.find("jurisdiction=\"B\" amount-fen=\"2000000\""), 16, "jurisdiction=\"A\"");
    auto f = write_policy("duplicate.xml", text);
    CHECK_THROWS_WITH_AS(Policy::load(f, PATSUB_SOURCE_DIR "/schemas/policy.xsd"),
                         doctest::Contains("same type"), PolicyError);
}

TEST_CASE("malformed XML in the policy is refused with its line") {
    auto f = write_policy("broken.xml", "<policy xmlns=\"urn:patsub:policy:1\">\n<version>\n</policy>");
    CHECK_THROWS_WITH_AS(Policy::load(f, PATSUB_SOURCE_DIR "/schemas/policy.xsd"),
                         doctest::Contains("line 3"), PolicyError);
}
