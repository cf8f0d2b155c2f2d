#include "parsers/ids/patent_date.h"

#include "model/date.h"

#include <fmt/format.h>

#include <doctest/doctest.h>

#include <string>

using patsub::ids::parse_patent_date;
using namespace std::chrono_literals;

namespace {

std::string error_of(std::string_view text) {
    auto const parsed = parse_patent_date(text);
    INFO("input: ", std::string(text));
    REQUIRE_FALSE(parsed);
    CHECK_FALSE(parsed.error.empty());
    return parsed.error;
}

}  // namespace

TEST_CASE("every written form of a date gives the same calendar day") {
    for (auto const* text : {"20110104", "2011-01-04", "2011.01.04", "2011/01/04", " 20110104\n"}) {
        INFO("input: ", text);
        auto const parsed = parse_patent_date(text);
        REQUIRE(parsed);
        CHECK(*parsed == patsub::Date{2011y, std::chrono::January, 4d});
        CHECK(parsed.error.empty());
    }
}

TEST_CASE("leap days are real days only in leap years") {
    CHECK(parse_patent_date("20200229"));
    CHECK(parse_patent_date("2000-02-29"));
    CHECK(error_of("2019-02-29") == "2019-02-29 is not a calendar day");
    CHECK(error_of("1900-02-29") == "1900-02-29 is not a calendar day");
}

TEST_CASE("partial dates written with 00 are refused") {
    CHECK(error_of("20071000") == "incomplete date 20071000 (day 00)");
    CHECK(error_of("2007-00-00") == "incomplete date 2007-00-00 (month 00)");
}

TEST_CASE("days and months that do not exist are refused") {
    CHECK(error_of("20110231") == "20110231 is not a calendar day");
    CHECK(error_of("2011-04-31") == "2011-04-31 is not a calendar day");
    CHECK(error_of("20111301") == "month 13 does not exist: 20111301");
    CHECK(error_of("20110132") == "20110132 is not a calendar day");
}

TEST_CASE("separators must agree") {
    CHECK(error_of("2011-01/04") == "mixed separators in date 2011-01/04");
    CHECK(error_of("2011-0104") == "mixed separators in date 2011-0104");
}

TEST_CASE("garbage and partial texts are not dates") {
    CHECK(error_of("") == "no date given");
    for (auto const* text : {"2011", "201101", "2011-01", "2011-1-4", "11-01-04", "2011 01 04", "2011--01-04",
                             "201101041", "2011-01-04T00:00", "04.01.2011", "abcdefgh", "2011年01月04日"}) {
        CHECK(error_of(text).find("not a date: ") == 0);
    }
}

TEST_CASE("to_iso writes every day of four-digit years as the format string did, and reads back") {
    // to_iso writes digits itself (check prints three dates a record); fmt's format is
    // the reference, and it still writes years that four digits cannot.
    using std::chrono::sys_days;
    for (const int year : {0, 1, 9, 10, 99, 100, 999, 1000, 1899, 1970, 2019, 2026, 9999}) {
        const sys_days first{patsub::Date{std::chrono::year{year}, std::chrono::January, 1d}};
        for (sys_days day = first; day < first + std::chrono::days{366}; day += std::chrono::days{1}) {
            const patsub::Date date{day};
            if (static_cast<int>(date.year()) != year) break;
            const std::string iso = patsub::to_iso(date);
            INFO(iso);
            CHECK(iso == fmt::format("{:04}-{:02}-{:02}", year, static_cast<unsigned>(date.month()),
                                     static_cast<unsigned>(date.day())));
            CHECK(patsub::date_from_iso(iso) == date);
        }
    }
    CHECK(patsub::to_iso(patsub::Date{std::chrono::year{10000}, std::chrono::March, 5d}) == "10000-03-05");
    CHECK(patsub::to_iso(patsub::Date{std::chrono::year{-1}, std::chrono::March, 5d}) == "-001-03-05");
}
