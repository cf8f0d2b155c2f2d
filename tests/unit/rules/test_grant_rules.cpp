#include "classify/classification.h"
#include "decide/grant_rules.h"
#include "decide/name_key.h"
#include "fixtures.h"

#include <doctest/doctest.h>

#include <set>

using namespace patsub;
using namespace patsub::test;

namespace {

struct FakeHistory : PaymentHistory {
    std::set<std::string> paid_keys;
    bool paid(const std::string& g, const std::string& c) override { return paid_keys.count(g + "|" + c) > 0; }
};

PayeeRegistry registry() {
    return PayeeRegistry({Payee{"91530102MA6PDC012R", "昆明滇池智能装备有限公司",
                                {"Kunming Dianchi Intelligent Equipment Co., Ltd."}, "530102", "bank", "1"}});
}

struct Case {
    PayeeRegistry payees = registry();
    GrantRules rules{shipped_policy(), payees};
    FakeHistory history;

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
    auto d = c.decide(grant("US", "11553104", "B2", "2023-01-10", "KUNMING DIANCHI INTELLIGENT EQUIPMENT CO LTD", "Kunming"));
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

TEST_CASE("co-owned: the first registered Kunming patentee is paid") {
    Case c;
    auto g = grant("CN", "1", "B", "2021-09-01", "北京某科技有限公司", "北京市");
    g.patentees.push_back(Party{"昆明滇池智能装备有限公司", "", "昆明市", "CN"});
    auto d = c.decide(g);
    REQUIRE(d);
    CHECK(d->status == LineStatus::payable);
    CHECK(d->payee->name == "昆明滇池智能装备有限公司");
}

TEST_CASE("a grant already paid under its clause is rejected") {
    Case c;
    c.history.paid_keys.insert("CN113061234B|8.6");
    CHECK(c.decide(grant("CN", "113061234", "B", "2023-03-17"))->reason == "already_paid");
}

TEST_CASE("every decision explains itself") {
    Case c;
    auto d = c.decide(grant("CN", "113061234", "B", "2023-03-17"));
    REQUIRE(d);
    REQUIRE(d->checks.size() >= 4);
    for (const auto& k : d->checks) CHECK_FALSE(k.detail.empty());
}

TEST_CASE("name keys fold the ways offices print a company") {
    CHECK(name_key("Kunming Dianchi Intelligent Equipment Co., Ltd.") == name_key("KUNMING DIANCHI INTELLIGENT EQUIPMENT CO LTD"));
    CHECK(name_key("Ｋｕｎｍｉｎｇ　Ｄｉａｎｃｈｉ") == name_key("kunming dianchi"));
    CHECK(name_key("昆明滇池智能装备有限公司") == name_key("昆明滇池智能装备"));
    CHECK(name_key("昆明滇池（集团）股份有限公司") == name_key("昆明滇池集团"));
    CHECK(name_key("昆明滇池智能装备有限公司") != name_key("昆明滇池智能材料有限公司"));
    CHECK(contains_marker("No. 1, KUNMING road", "Kunming"));
    CHECK_FALSE(contains_marker("Shenzhen", "Kunming"));
}
