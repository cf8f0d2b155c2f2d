// Policy.md readings 12 (a CN patent is its application number), 14 (a payee is its
// credit code; a name matches exactly or the line is held) and 17 (one order of checks).
#include "classify/classification.h"
#include "decide/grant_rules.h"
#include "fixtures.h"

#include <doctest/doctest.h>

using namespace patsub;
using namespace patsub::test;

namespace {

struct Facts : RuleFacts {
    std::vector<SamePatent> same;
    std::optional<DisputeStanding> dispute_record;
    bool paid(const std::string&, const std::string&, const std::string&) override { return false; }
    FamilyStanding family(const Grant& g, const std::set<std::string>&) override { return {"F", {grant_id(g)}, {}}; }
    std::optional<DisputeStanding> dispute(const Grant&) override { return dispute_record; }
    std::optional<AbnormalStanding> abnormal(const Grant&) override { return std::nullopt; }
    std::vector<SamePatent> same_application(const Grant&) override { return same; }
};

const char* const kYouxian = "91530100MA6K000011";
const char* const kGufen = "91530100MA6K000022";

PayeeRegistry two_firms(std::vector<std::string> gufen_aliases = {}) {
    return PayeeRegistry({Payee{kYouxian, "昆明甲乙科技有限公司", {}, "530102", "银行", "6222000000000000001"},
                          Payee{kGufen, "昆明甲乙科技股份有限公司", std::move(gufen_aliases), "530111", "银行",
                                "6222000000000000002"}});
}

std::optional<Decision> decide(const PayeeRegistry& payees, const Grant& g, Facts& facts,
                               std::optional<Date> as_of = std::nullopt) {
    GrantRules rules(shipped_policy(), payees, as_of);
    return rules.decide(g, classify(g, shipped_kinds(), shipped_policy().nearest(g.date)), facts);
}

std::optional<Decision> decide_for(const PayeeRegistry& payees, const std::string& patentee) {
    Facts facts;
    return decide(payees, grant("CN", "217000101", "U", "2023-03-17", patentee, "昆明市"), facts);
}

std::string failed_check_detail(const Decision& d) {
    for (const auto& c : d.checks)
        if (!c.holds) return c.detail;
    return "";
}

}  // namespace

TEST_CASE("a registered name pays its own credit code, never the company with the other legal form") {
    const auto payees = two_firms();
    auto youxian = decide_for(payees, "昆明甲乙科技有限公司");
    REQUIRE(youxian);
    CHECK(youxian->status == LineStatus::payable);
    CHECK(youxian->payee->uscc == kYouxian);
    auto gufen = decide_for(payees, "昆明甲乙科技股份有限公司");
    REQUIRE(gufen);
    CHECK(gufen->payee->uscc == kGufen);
    // Width, brackets and spaces are the one normalisation.
    CHECK(decide_for(payees, "昆明甲乙科技 股份有限公司\u3000")->payee->uscc == kGufen);
}

TEST_CASE("near names are held payee_name_mismatch with the candidates named") {
    const auto payees = two_firms();
    for (const char* printed : {"昆明甲乙科技", "昆明甲乙科技有限责任公司", "昆明甲乙"}) {
        CAPTURE(printed);
        auto d = decide_for(payees, printed);
        REQUIRE(d);
        CHECK(d->status == LineStatus::held);
        CHECK(d->reason == "payee_name_mismatch");
        CHECK_FALSE(d->payee);
        CHECK(d->payee_name == printed);
        const std::string why = failed_check_detail(*d);
        CHECK(why.find(kYouxian) != std::string::npos);
        CHECK(why.find(kGufen) != std::string::npos);
    }
    // Two characters of a city are no evidence of a company: only a Kunming look-alike.
    CHECK(decide_for(payees, "昆明")->reason == "payee_not_registered");
}

TEST_CASE("staff confirm a near name by adding it as an alias") {
    const auto payees = two_firms({"昆明甲乙科技"});
    auto d = decide_for(payees, "昆明甲乙科技");
    REQUIRE(d);
    CHECK(d->status == LineStatus::payable);
    CHECK(d->payee->uscc == kGufen);
}

TEST_CASE("a name equal to two registered payees is held payee_ambiguous") {
    const auto payees = two_firms({"昆明甲乙科技有限公司"});
    auto d = decide_for(payees, "昆明甲乙科技有限公司");
    REQUIRE(d);
    CHECK(d->status == LineStatus::held);
    CHECK(d->reason == "payee_ambiguous");
}

TEST_CASE("an earlier co-owner with a near name holds the line: the program never pays a guess") {
    const auto payees = two_firms();
    auto g = grant("CN", "217000101", "U", "2023-03-17", "昆明甲乙科技", "昆明市");
    g.patentees.push_back(Party{"昆明甲乙科技有限公司", "", "昆明市", "CN", {}});
    Facts facts;
    CHECK(decide(payees, g, facts)->reason == "payee_name_mismatch");
    std::swap(g.patentees[0], g.patentees[1]);
    CHECK(decide(payees, g, facts)->payee->uscc == kYouxian);
}

TEST_CASE("a CN application paid under another publication is already paid") {
    const auto payees = two_firms();
    Facts facts;
    facts.same = {SamePatent{"CN217000999U", PatentType::utility_model, true, "8.7"}};
    auto g = grant("CN", "217000101", "U", "2023-03-17", "昆明甲乙科技有限公司");
    g.application_number = "202120000101.4";
    auto d = decide(payees, g, facts);
    REQUIRE(d);
    CHECK(d->status == LineStatus::rejected);
    CHECK(d->reason == "already_paid");
    CHECK(failed_check_detail(*d).find("CN217000999U") != std::string::npos);
    // Not yet paid, same kind: this one may be paid (the other will then be already_paid).
    facts.same[0].paid_clause.clear();
    CHECK(decide(payees, g, facts)->status == LineStatus::payable);
}

TEST_CASE("a B and a U on one application: the later one is held identity_conflict") {
    const auto payees = two_firms();
    Facts facts;
    facts.same = {SamePatent{"CN217000101U", PatentType::utility_model, true, ""}};
    auto b = grant("CN", "117000101", "B", "2023-06-17", "昆明甲乙科技有限公司");
    b.application_number = "202120000101.4";
    auto d = decide(payees, b, facts);
    REQUIRE(d);
    CHECK(d->status == LineStatus::held);
    CHECK(d->reason == "identity_conflict");
    // Read after this one and unpaid: this one is the first, and is decided as usual.
    facts.same[0].recorded_before = false;
    CHECK(decide(payees, b, facts)->status == LineStatus::payable);
    // Read after, but already paid: still a conflict, never a second payment.
    facts.same[0].paid_clause = "8.7";
    CHECK(decide(payees, b, facts)->reason == "identity_conflict");
}

TEST_CASE("a grant published after the run's day waits: grant_after_as_of") {
    const auto payees = two_firms();
    Facts facts;
    auto g = grant("CN", "217000101", "U", "2023-03-17", "昆明甲乙科技有限公司");
    auto early = decide(payees, g, facts, day("2023-03-16"));
    REQUIRE(early);
    CHECK(early->status == LineStatus::held);
    CHECK(early->reason == "grant_after_as_of");
    CHECK(decide(payees, g, facts, day("2023-03-17"))->status == LineStatus::payable);
}

TEST_CASE("reading 17: who comes before the exclusions, the document before the day") {
    const auto payees = two_firms();
    Facts facts;
    facts.dispute_record = DisputeStanding{true, day("2023-01-01"), "note", "disputes/x.csv:2"};
    auto inv = grant("CN", "117000101", "B", "2023-03-17", "昆明春城新材料有限公司");
    CHECK(decide(payees, inv, facts)->reason == "payee_not_registered");
    inv.patentees[0].name = "昆明甲乙科技有限公司";
    CHECK(decide(payees, inv, facts)->reason == "dispute_open");
    auto design = grant("US", "D976543", "S1", "2018-01-10", "昆明甲乙科技有限公司");
    CHECK(decide(payees, design, facts)->reason == "foreign_design");
}
