#include "export/breakdown.h"
#include "export/review_texts.h"

#include <doctest/doctest.h>

#include <stdexcept>

using namespace patsub::exports;

TEST_CASE("every reason code of contract.md has Chinese and English text") {
    const auto texts = ReviewTexts::load(std::filesystem::path(PATSUB_SOURCE_DIR) / "schemas");
    for (const char* code : {"dispute_open", "abnormal_application", "cap_reached", "already_funded_in_jurisdiction",
                             "foreign_design", "not_a_grant", "before_effective_date", "payee_not_registered",
                             "type_not_covered", "already_paid", "unknown_kind", "no_policy_in_force", "staff_hold"}) {
        CAPTURE(code);
        const Bilingual* b = texts.reasons.find(code);
        REQUIRE(b != nullptr);
        CHECK_FALSE(b->zh.empty());
        CHECK_FALSE(b->en.empty());
    }
    CHECK(texts.district_label("530102") == "五华区 Wuhua District (530102)");
    CHECK(texts.district_label("530181") == "安宁市 Anning City (530181)");
    CHECK(texts.district_label("539999") == "539999");
    CHECK(texts.district_label("") == "未登记 / no registered payee");
}

TEST_CASE("a bilingual table refuses empty and repeated codes") {
    const auto t = BilingualTable::parse("code,zh,en\nx,甲,A\n", "t.csv");
    CHECK(t.both("x") == "甲 / A");
    CHECK(t.both("y") == "y");
    CHECK_THROWS_WITH(BilingualTable::parse("code,zh,en\nx,甲,A\nx,乙,B\n", "t.csv"), doctest::Contains("t.csv:3"));
    CHECK_THROWS_WITH(BilingualTable::parse("code,zh,en\nx,,A\n", "t.csv"), doctest::Contains("t.csv:2"));
    CHECK_THROWS(BilingualTable::parse("code,zh\nx,甲\n", "t.csv"));
}

TEST_CASE("natural order puts clause 8.2 before 8.10") {
    NaturalLess less;
    CHECK(less("8.2", "8.10"));
    CHECK_FALSE(less("8.10", "8.2"));
    CHECK(less("8.1", "8.2"));
    CHECK(less("", "8.1"));
    CHECK(less("2025-12", "2026-01"));
    CHECK_FALSE(less("8.6", "8.6"));
    Breakdown b;
    for (const char* k : {"8.10", "8.9", "8.1", "8.2"}) b[k];
    std::string order;
    for (const auto& [k, t] : b) order += k + std::string(" ");
    CHECK(order == "8.1 8.2 8.9 8.10 ");
}
