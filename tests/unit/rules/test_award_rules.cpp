// Clauses 8.9/8.10 and reading 18: an award's money key names its round, so that an award
// held before export because the enterprise left the registry can be made again, once.
#include "decide/award_rules.h"
#include "decide/rule_facts.h"
#include "fixtures.h"

#include <doctest/doctest.h>

#include <stdexcept>

using namespace patsub;

namespace {

const char* const kDianchi = "91530102MA6PDC012R";

PayeeRegistry registry() {
    return PayeeRegistry({Payee{kDianchi, "昆明滇池智能装备有限公司", {}, "530102", "银行", "530100990000000101"}});
}

Recognition demonstration(const char* uscc, int year = 2022) {
    return Recognition{uscc, "昆明滇池智能装备有限公司", "demonstration", year, "enterprises/2023.csv:2"};
}

}  // namespace

TEST_CASE("an award's key keeps round 1 as every earlier ledger wrote it, and names later rounds") {
    CHECK(award_key(kDianchi, "8.9") == std::string("award|") + kDianchi + "|8.9");
    CHECK(award_key(kDianchi, "8.9", 1) == award_key(kDianchi, "8.9"));
    CHECK(award_key(kDianchi, "8.10", 2) == std::string("award|") + kDianchi + "|8.10|2");
}

TEST_CASE("the departure hold answers a grant payment or an award, nothing else") {
    CHECK(left_registry_key_for("pay|CN218000101|8.7") == "left|pay|CN218000101|8.7");
    CHECK(left_registry_key_for(award_key(kDianchi, "8.9", 2)) == std::string("left|award|") + kDianchi + "|8.9|2");
    CHECK_THROWS_AS(left_registry_key_for("recover|CN218000101|8.7"), std::invalid_argument);
    CHECK_THROWS_AS(left_registry_key_for("left|pay|CN218000101|8.7"), std::invalid_argument);
}

TEST_CASE("a registered enterprise's award is paid under the round it is given") {
    const PayeeRegistry payees = registry();
    const AwardRules rules(test::shipped_policy(), payees);
    const Decision first = rules.decide(demonstration(kDianchi), false);
    CHECK(first.status == LineStatus::payable);
    CHECK(first.clause == "8.9");
    CHECK(first.event_key == award_key(kDianchi, "8.9"));
    const Decision again = rules.decide(demonstration(kDianchi), false, 2);
    CHECK(again.status == LineStatus::payable);
    CHECK(again.amount == first.amount);
    CHECK(again.event_key == award_key(kDianchi, "8.9", 2));
}

TEST_CASE("a standing award is not made twice, whatever the round") {
    const PayeeRegistry payees = registry();
    const AwardRules rules(test::shipped_policy(), payees);
    const Decision d = rules.decide(demonstration(kDianchi, 2023), true, 3);
    CHECK(d.status == LineStatus::rejected);
    CHECK(d.reason == "already_paid");
    CHECK(d.event_key.empty());
    CHECK(d.amount.fen == 0);
}

TEST_CASE("an enterprise the registry lacks is held, never paid") {
    const PayeeRegistry payees = registry();
    const AwardRules rules(test::shipped_policy(), payees);
    const Decision d = rules.decide(demonstration("91530111MA6PGY027L"), false, 2);
    CHECK(d.status == LineStatus::held);
    CHECK(d.reason == "payee_not_registered");
    CHECK(d.event_key.empty());
}
