#include "classify/classification.h"
#include "fixtures.h"

#include <doctest/doctest.h>

#include <fstream>

using namespace patsub;
using namespace patsub::test;

namespace {
Classification of(const char* office, const char* kind, const char* date) {
    auto g = grant(office, "1", kind, date);
    return classify(g, shipped_kinds(), shipped_policy().nearest(g.date));
}
}  // namespace

TEST_CASE("CN kinds switch letters on 2010-04-01") {
    auto c = of("CN", "C", "2010-03-31");
    CHECK(c.known_kind);
    CHECK(c.is_grant);
    CHECK(c.type == PatentType::invention);
    CHECK_FALSE(of("CN", "C", "2010-04-07").known_kind);  // after the switch C alone is unknown
    CHECK(of("CN", "B", "2010-04-07").is_grant);
    CHECK_FALSE(of("CN", "B", "1992-12-30").is_grant);  // pre-1993 B: examined, not granted
    CHECK(of("CN", "Y", "2009-05-01").type == PatentType::utility_model);
    CHECK(of("CN", "U", "2021-05-01").type == PatentType::utility_model);
    CHECK(of("CN", "D", "2009-05-01").type == PatentType::design);
    CHECK(of("CN", "S", "2021-05-01").type == PatentType::design);
    CHECK(of("CN", "U", "2021-05-01").jurisdiction == Jurisdiction::CN);
}

TEST_CASE("application publications are not grants") {
    CHECK_FALSE(of("CN", "A", "2021-01-01").is_grant);
    CHECK_FALSE(of("US", "A1", "2021-01-01").is_grant);
    CHECK_FALSE(of("EP", "A1", "2021-01-01").is_grant);
    CHECK_FALSE(of("WO", "A1", "2021-01-01").is_grant);
    CHECK_FALSE(of("JP", "A", "2021-01-01").is_grant);
    CHECK_FALSE(of("KR", "A", "2021-01-01").is_grant);
}

TEST_CASE("US kinds") {
    CHECK(of("US", "B2", "2011-01-04").type == PatentType::invention);
    CHECK(of("US", "B2", "2011-01-04").jurisdiction == Jurisdiction::A);
    CHECK_FALSE(of("US", "B2", "1999-01-04").is_grant);  // reexamination certificate before 2001
    CHECK(of("US", "S1", "2011-01-04").type == PatentType::design);
    auto plant = of("US", "P2", "2008-01-01");
    CHECK(plant.is_grant);
    CHECK(plant.type == PatentType::other);
    CHECK_FALSE(of("US", "H1", "2006-01-03").is_grant);  // SIR: not a patent
}

TEST_CASE("jurisdiction groups come from the policy") {
    CHECK(of("DE", "B4", "2021-01-01").jurisdiction == Jurisdiction::A);  // EPO member state
    CHECK(of("EP", "B1", "2021-01-01").jurisdiction == Jurisdiction::A);
    CHECK(of("RU", "C2", "2021-01-01").jurisdiction == Jurisdiction::B);
    CHECK(of("TW", "B", "2021-01-01").jurisdiction == Jurisdiction::B);
}

TEST_CASE("an office and kind the table does not know is unknown, never guessed") {
    auto c = of("ZZ", "B1", "2021-01-01");
    CHECK_FALSE(c.known_kind);
    CHECK_FALSE(c.is_grant);
    CHECK_FALSE(of("US", "Q7", "2021-01-01").known_kind);
}

TEST_CASE("the kind table refuses overlapping date ranges") {
    auto dir = std::filesystem::temp_directory_path() / "patsub-kinds-test";
    std::filesystem::create_directories(dir);
    auto f = dir / "kinds.csv";
    {
        std::ofstream out(f);
        out << "office,kind,from,to,is_grant,patent_type,note\n"
               "CN,B,2010-04-01,,true,invention,x\n"
               "CN,B,2009-01-01,2010-04-01,false,invention,y\n";
    }
    CHECK_THROWS_WITH_AS(KindTable::load(f), doctest::Contains("overlaps"), std::runtime_error);
    std::filesystem::remove_all(dir);
}
