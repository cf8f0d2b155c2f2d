#include "classify/classification.h"
#include "decide/grant_rules.h"
#include "decide/name_key.h"
#include "fixtures.h"

#include <doctest/doctest.h>

#include <set>

using namespace patsub;
using namespace patsub::test;

namespace {

// Facts as plain values: what was paid, the family picture, the lists' records.
struct FakeFacts : RuleFacts {
    std::set<std::string> paid_keys;  // "CN113061234|8.6"
    FamilyStanding standing{"FAM-1", {}, {}};
    std::optional<DisputeStanding> dispute_record;
    std::optional<AbnormalStanding> abnormal_record;

    bool paid(const std::string& o, const std::string& n, const std::string& c) override {
        return paid_keys.count(o + n + "|" + c) > 0;
    }
    FamilyStanding family(const Grant& g, const std::set<std::string>&) override {
        auto s = standing;
        s.members.push_back(grant_id(g));
        return s;
    }
    std::optional<DisputeStanding> dispute(const Grant&) override { return dispute_record; }
    std::optional<AbnormalStanding> abnormal(const Grant&) override { return abnormal_record; }
    std::vector<SamePatent> same;  // other publications of the application
    std::vector<SamePatent> same_application(const Grant&) override { return same; }
};

PayeeRegistry registry() {
    return PayeeRegistry({Payee{"91530102MA6PDC012R", "昆明滇池智能装备有限公司",
                                {"Kunming Dianchi Intelligent Equipment Co., Ltd."}, "530102", "bank", "1"}});
}

struct Case {
    PayeeRegistry payees = registry();
    GrantRules rules{shipped_policy(), payees};
    FakeFacts history;

    std::optional<Decision> decide(const Grant& g) {
        return rules.decide(g, classify(g, shipped_kinds(), shipped_policy().nearest(g.date)), history);
    }
};

}  // namespace

TEST_CASE("CNIPA grants pay 8.6, 8.7 and 8.8 at the policy's amounts") {
    Case c;
    auto inv = c.decide(grant("CN", "113061234", "B", "2023-03-17"));
    REQUIRE(inv);
    CHECK(inv->status == LineStatus::payable);
    CHECK(inv->clause == "8.6");
    CHECK(inv->amount.fen == 300'000);
    CHECK(inv->policy_version == "km-2019-m8");
    CHECK(inv->payee->uscc == "91530102MA6PDC012R");
    CHECK(c.decide(grant("CN", "217345678", "U", "2022-08-05"))->amount.fen == 60'000);
    CHECK(c.decide(grant("CN", "307812345", "S", "2022-12-20"))->clause == "8.8");
}

TEST_CASE("a US grant to the English alias pays 8.1") {
    Case c;
    auto d = c.decide(grant("US", "11553104", "B2", "2023-01-10", "KUNMING DIANCHI INTELLIGENT EQUIPMENT CO., LTD.", "Kunming"));
    REQUIRE(d);
    CHECK(d->status == LineStatus::payable);
    CHECK(d->clause == "8.1");
    CHECK(d->amount.fen == 3'000'000);
}

TEST_CASE("rejections carry their reason codes") {
    Case c;
    CHECK(c.decide(grant("US", "D976543", "S1", "2023-01-10"))->reason == "foreign_design");
    CHECK(c.decide(grant("CN", "115061872", "A", "2022-09-13"))->reason == "not_a_grant");
    CHECK(c.decide(grant("CN", "207412345", "U", "2018-03-02"))->reason == "before_effective_date");
    CHECK(c.decide(grant("US", "PP18398", "P2", "2021-01-01"))->reason == "type_not_covered");
    auto unknown = c.decide(grant("ZZ", "1", "B1", "2021-01-01"));
    CHECK(unknown->reason == "unknown_kind");
    CHECK(unknown->status == LineStatus::rejected);
    CHECK(unknown->amount.fen == 0);
}

TEST_CASE("the effective date is inclusive on grants too") {
    Case c;
    CHECK(c.decide(grant("CN", "1", "U", "2019-06-11"))->reason == "before_effective_date");
    CHECK(c.decide(grant("CN", "2", "U", "2019-06-12"))->status == LineStatus::payable);
}

TEST_CASE("an unregistered Kunming patentee is held; a non-Kunming one is out of scope") {
    Case c;
    auto held = c.decide(grant("CN", "215634829", "U", "2021-09-01", "昆明春城新材料有限公司", "0"));
    REQUIRE(held);
    CHECK(held->status == LineStatus::held);
    CHECK(held->reason == "payee_not_registered");
    CHECK(held->clause == "8.7");
    CHECK_FALSE(c.decide(grant("CN", "111398765", "B", "2021-09-01", "北京某科技有限公司", "北京市")));
}

TEST_CASE("any printed form of a patentee's name may match the registry (DOCDB gives several)") {
    Case c;
    auto g = grant("DE", "202023101234", "U1", "2023-05-11", "KUNMING DIANCHI INTELLIGENT EQUIP CO LTD", "");
    // The abbreviated docdb form alone is only near the registered alias: a person confirms it.
    CHECK(c.decide(g)->reason == "payee_name_mismatch");
    g.patentees[0].other_names = {"Kunming Dianchi Intelligent Equipment Co., Ltd."};
    auto d = c.decide(g);
    REQUIRE(d);
    CHECK(d->status == LineStatus::payable);
    CHECK(d->clause == "8.2");
}

TEST_CASE("co-owned: the first registered Kunming patentee is paid") {
    Case c;
    auto g = grant("CN", "1", "B", "2021-09-01", "北京某科技有限公司", "北京市");
    g.patentees.push_back(Party{"昆明滇池智能装备有限公司", "", "昆明市", "CN", {}});
    auto d = c.decide(g);
    REQUIRE(d);
    CHECK(d->status == LineStatus::payable);
    CHECK(d->payee->name == "昆明滇池智能装备有限公司");
}

TEST_CASE("a grant already paid under its clause is rejected") {
    Case c;
    c.history.paid_keys.insert("CN113061234|8.6");
    CHECK(c.decide(grant("CN", "113061234", "B", "2023-03-17"))->reason == "already_paid");
}

TEST_CASE("every decision explains itself") {
    Case c;
    auto d = c.decide(grant("CN", "113061234", "B", "2023-03-17"));
    REQUIRE(d);
    REQUIRE(d->checks.size() >= 4);
    for (const auto& k : d->checks) CHECK_FALSE(k.detail.empty());
}

TEST_CASE("name keys fold width, case, spaces and brackets, and nothing else (reading 14)") {
    CHECK(name_key("Kunming Dianchi Intelligent Equipment Co., Ltd.") == name_key("KUNMING DIANCHI INTELLIGENT EQUIPMENT CO., LTD."));
    CHECK(name_key("Kunming Dianchi Intelligent Equipment Co., Ltd.") != name_key("KUNMING DIANCHI INTELLIGENT EQUIPMENT CO LTD"));
    CHECK(name_key("Ｋｕｎｍｉｎｇ　Ｄｉａｎｃｈｉ") == name_key("kunming dianchi"));
    CHECK(name_key("昆明滇池（集团）股份有限公司") == name_key("昆明滇池(集团)股份有限公司"));
    CHECK(name_key("昆明滇池\u200b智能装备\u00a0有限公司") == name_key("昆明滇池智能装备有限公司"));
    CHECK(name_key("昆明滇池智能装备有限公司") != name_key("昆明滇池智能装备"));
    CHECK(name_key("昆明甲乙科技有限公司") != name_key("昆明甲乙科技股份有限公司"));
    CHECK(name_stem(name_key("昆明甲乙科技有限公司")) == name_stem(name_key("昆明甲乙科技股份有限公司")));
    CHECK(name_stem(name_key("昆明滇池（集团）股份有限公司")) == "昆明滇池集团");
    CHECK(name_key("昆明滇池智能装备有限公司") != name_key("昆明滇池智能材料有限公司"));
    CHECK(contains_marker("No. 1, KUNMING road", "Kunming"));
    CHECK_FALSE(contains_marker("Shenzhen", "Kunming"));
    CHECK(contains_marker("云南省昆明市五华区", "昆明"));
    CHECK_FALSE(contains_marker("云南省曲靖市", "昆明"));
    CHECK(contains_marker("kunming", "KUNMING"));
    CHECK(contains_marker("Kunming-650000", "-650"));
    CHECK_FALSE(contains_marker("Kunmin", "Kunming"));  // a marker longer than the text
    CHECK_FALSE(contains_marker("Kunming", ""));
}

TEST_CASE("an EP B2 after its paid B1 is the same patent: already_paid") {
    Case c;
    c.history.paid_keys.insert("EP3383757|8.1");
    auto d = c.decide(grant("EP", "3383757", "B2", "2021-05-05", "Kunming Dianchi Intelligent Equipment Co., Ltd.", "Kunming"));
    REQUIRE(d);
    CHECK(d->reason == "already_paid");
}

TEST_CASE("8.5: a funded jurisdiction is not funded again, and two funded ones close the family") {
    Case c;
    const auto us = grant("US", "11553104", "B2", "2023-01-10", "Kunming Dianchi Intelligent Equipment Co., Ltd.", "Kunming");
    c.history.standing.funded = {"US"};
    CHECK(c.decide(us)->reason == "already_funded_in_jurisdiction");
    c.history.standing.funded = {"US", "EP"};
    auto jp = c.decide(grant("JP", "7123456", "B2", "2023-01-10", "Kunming Dianchi Intelligent Equipment Co., Ltd."));
    REQUIRE(jp);
    CHECK(jp->reason == "cap_reached");
    REQUIRE(jp->cap);
    CHECK(jp->cap->slots_left == 0);
    c.history.standing.funded = {"EP"};
    auto one_left = c.decide(us);
    CHECK(one_left->status == LineStatus::payable);
    CHECK(one_left->cap->slots_left == 1);
}

TEST_CASE("CNIPA grants are outside the cap") {
    Case c;
    c.history.standing.funded = {"US", "EP"};
    CHECK(c.decide(grant("CN", "113061234", "B", "2023-03-17"))->status == LineStatus::payable);
}

TEST_CASE("an open dispute holds 8.1 and 8.6 but not 8.7; a closed one does not hold") {
    Case c;
    c.history.dispute_record = DisputeStanding{true, day("2023-04-01"), "ownership contested", "disputes/a.csv:2"};
    auto inv = c.decide(grant("CN", "113061234", "B", "2023-03-17"));
    CHECK(inv->status == LineStatus::held);
    CHECK(inv->reason == "dispute_open");
    CHECK(c.decide(grant("CN", "217345678", "U", "2022-08-05"))->status == LineStatus::payable);
    c.history.dispute_record->open = false;
    CHECK(c.decide(grant("CN", "113061234", "B", "2023-03-17"))->status == LineStatus::payable);
}

TEST_CASE("an abnormal-application notice rejects 8.7 and 8.8 only") {
    Case c;
    c.history.abnormal_record = AbnormalStanding{"第一批", day("2023-05-01"), "abnormal/a.csv:2"};
    CHECK(c.decide(grant("CN", "217345678", "U", "2022-08-05"))->reason == "abnormal_application");
    CHECK(c.decide(grant("CN", "307812345", "S", "2022-12-20"))->reason == "abnormal_application");
    CHECK(c.decide(grant("CN", "113061234", "B", "2023-03-17"))->status == LineStatus::payable);
}

TEST_CASE("late news about a paid grant is a recovery of the paid amount") {
    Case c;
    const auto um = grant("CN", "217345678", "U", "2022-08-05");
    CHECK_FALSE(c.rules.recovery(um, "8.7", "km-2019-m8", Money{60000}, "pay|CN217345678|8.7", c.history));
    c.history.abnormal_record = AbnormalStanding{"第一批", day("2023-05-01"), "abnormal/a.csv:2"};
    auto r = c.rules.recovery(um, "8.7", "km-2019-m8", Money{60000}, "pay|CN217345678|8.7", c.history);
    REQUIRE(r);
    CHECK(r->status == LineStatus::recovery);
    CHECK(r->amount.fen == -60000);
    CHECK(r->reason == "abnormal_application");
    CHECK(r->event_key == "recover|CN217345678|8.7");
    // Reading 8: an abnormal notice says nothing about 8.6.
    CHECK_FALSE(c.rules.recovery(grant("CN", "113061234", "B", "2023-03-17"), "8.6", "km-2019-m8", Money{300000},
                                 "pay|CN113061234|8.6", c.history));
}
