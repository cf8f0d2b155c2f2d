// Policy.md reading 17 (issue 14 point 4): when several checks fail, the line's reason is
// the first in the order document, when, identity, who, exclusions, cap. Each failure
// below is one fact that makes one check fail on an otherwise payable US grant (8.1);
// every pair of failures from different steps is applied together and the earlier
// step's reason must win.
#include "classify/classification.h"
#include "decide/grant_rules.h"
#include "fixtures.h"

#include <doctest/doctest.h>

#include <functional>
#include <set>

using namespace patsub;
using namespace patsub::test;

namespace {

struct Facts : RuleFacts {
    std::set<std::string> paid_keys;  // "US11553104|8.1"
    std::set<std::string> funded;
    std::optional<DisputeStanding> dispute_record;

    bool paid(const std::string& o, const std::string& n, const std::string& c) override {
        return paid_keys.count(o + n + "|" + c) > 0;
    }
    FamilyStanding family(const Grant& g, const std::set<std::string>&) override {
        return {"FAM-1", {grant_id(g)}, funded};
    }
    std::optional<DisputeStanding> dispute(const Grant&) override { return dispute_record; }
    std::optional<AbnormalStanding> abnormal(const Grant&) override { return std::nullopt; }
    std::vector<SamePatent> same_application(const Grant&) override { return {}; }
};

struct Setting {
    Grant grant = patsub::test::grant("US", "11553104", "B2", "2023-01-10");
    Facts facts;
    std::optional<Date> as_of;
};

struct Failure {
    const char* reason;
    int step;  // reading 17: (1) document ... (6) cap
    std::function<void(Setting&)> apply;
};

const std::vector<Failure>& failures() {
    static const std::vector<Failure> all{
        {"foreign_design", 1, [](Setting& s) { s.grant.number = "D976543", s.grant.kind = "S1"; }},
        {"not_a_grant", 1, [](Setting& s) { s.grant.number = "20230012345", s.grant.kind = "A1"; }},
        {"kind_unverified", 1, [](Setting& s) { s.grant.office = "HK", s.grant.number = "1249001", s.grant.kind = "B"; }},
        {"type_not_covered", 1, [](Setting& s) { s.grant.number = "PP18398", s.grant.kind = "P2"; }},
        {"unknown_kind", 1, [](Setting& s) { s.grant.kind = "Q7"; }},
        {"before_effective_date", 2, [](Setting& s) { s.grant.date = day("2018-03-02"); }},
        {"grant_after_as_of", 2, [](Setting& s) { s.as_of = day("2023-01-09"); }},
        {"already_paid", 3, [](Setting& s) { s.facts.paid_keys.insert("US11553104|8.1"); }},
        {"payee_not_registered", 4, [](Setting& s) { s.grant.patentees[0].name = "昆明春城新材料有限公司"; }},
        {"dispute_open", 5,
         [](Setting& s) { s.facts.dispute_record = DisputeStanding{true, day("2023-01-05"), "样例", "d.csv:2"}; }},
        {"cap_reached", 6, [](Setting& s) { s.facts.funded = {"JP", "KR"}; }},
        {"already_funded_in_jurisdiction", 6, [](Setting& s) { s.facts.funded = {"US"}; }},
    };
    return all;
}

Decision decide(Setting& s) {
    static const PayeeRegistry payees({Payee{"91530102MA6PDC012R", "昆明滇池智能装备有限公司", {}, "530102", "bank", "1"}});
    const GrantRules rules(shipped_policy(), payees, s.as_of);
    const Classification c = classify(s.grant, shipped_kinds(), shipped_policy().nearest(s.grant.date));
    auto d = rules.decide(s.grant, c, s.facts);
    REQUIRE(d);
    return *d;
}

}  // namespace

TEST_CASE("the untouched setting is paid, and each failure alone gives its own reason") {
    Setting plain;
    CHECK(decide(plain).status == LineStatus::payable);
    for (const auto& f : failures()) {
        CAPTURE(f.reason);
        Setting s;
        f.apply(s);
        CHECK(decide(s).reason == f.reason);
    }
}

TEST_CASE("of two failing checks in different steps, the earlier step gives the reason (reading 17)") {
    int pairs = 0;
    for (const auto& first : failures())
        for (const auto& second : failures()) {
            if (first.step >= second.step) continue;
            CAPTURE(first.reason);
            CAPTURE(second.reason);
            // Applied in both orders: the facts, not the order they were set in, decide.
            for (bool swapped : {false, true}) {
                Setting s;
                (swapped ? second : first).apply(s);
                (swapped ? first : second).apply(s);
                const Decision d = decide(s);
                CHECK(d.reason == first.reason);
                CHECK(d.amount.fen == 0);
            }
            ++pairs;
        }
    CHECK(pairs == 54);
}

TEST_CASE("in the cap step, a jurisdiction already funded comes before a full cap") {
    Setting s;
    s.facts.funded = {"US", "JP"};
    CHECK(decide(s).reason == "already_funded_in_jurisdiction");
}

namespace {

// The check a failure makes fail, by the name the reasoning records.
std::string check_of(const std::string& reason) {
    if (reason == "before_effective_date") return "policy in force";
    if (reason == "grant_after_as_of") return "granted by the run's day";
    if (reason == "already_paid") return "not paid before";
    if (reason == "payee_not_registered") return "Kunming payee";
    if (reason == "dispute_open") return "no_dispute";
    if (reason == "cap_reached" || reason == "already_funded_in_jurisdiction") return "8.5 cap";
    return "";
}

bool fails(const Decision& d, const std::string& check) {
    for (const auto& c : d.checks)
        if (c.what == check && !c.holds) return true;
    return false;
}

}  // namespace

TEST_CASE("the reasoning lists every check: the failures after the deciding one too (reading 17)") {
    int listed = 0;
    for (const auto& first : failures())
        for (const auto& second : failures()) {
            if (first.step >= second.step) continue;
            const std::string deciding = first.reason, later = second.reason;
            CAPTURE(deciding);
            CAPTURE(later);
            Setting s;
            first.apply(s);
            second.apply(s);
            const Decision d = decide(s);
            REQUIRE(d.reason == first.reason);
            if (first.step == 1) {
                // Not a grant the measure names: no clause, so no later check means anything
                // (the payee is noted before every step, whatever the document).
                if (second.step != 4) CHECK_FALSE(fails(d, check_of(second.reason)));
                continue;
            }
            CHECK(fails(d, check_of(first.reason)));
            CHECK(fails(d, check_of(second.reason)));
            ++listed;
        }
    CHECK(listed == 19);
}
