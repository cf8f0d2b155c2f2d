#include "model/bureau_time.h"
#include "notice/working_calendar.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>

using namespace patsub;
using namespace patsub::notice;

namespace {

Date d(const char* iso) { return *date_from_iso(iso); }

// A list like the State Council's: 2026 with its New Year, and an invented 2027 so that a
// period can cross the year (the real 2027 notice was not at hand).
const char* const two_years = R"(# test list
year 2026
year 2027
2026-10-01 holiday 国庆节
2026-10-02 holiday 国庆节
2026-10-10 workday 国庆节调休上班   # a Saturday worked
2027-01-01 holiday 元旦
2027-01-04 holiday 元旦（虚构 invented）
2027-01-09 workday 元旦调休上班（虚构）
)";

}  // namespace

TEST_CASE("weekends are not working days; five working days from a Monday end the next Monday") {
    const auto c = WorkingCalendar::weekends_only();
    CHECK(c.is_working_day(d("2026-12-07")));       // Monday
    CHECK_FALSE(c.is_working_day(d("2026-12-12")));  // Saturday
    CHECK_FALSE(c.is_working_day(d("2026-12-13")));  // Sunday
    const auto p = period_from(d("2026-12-07"), 5, c);
    CHECK(to_iso(p.first_day) == "2026-12-08");  // the day after publication
    CHECK(to_iso(p.last_day) == "2026-12-14");   // Tue..Fri, then Monday
    CHECK(to_iso(approval_opens(p)) == "2026-12-15");
    // Published on a Saturday: the period starts on Monday.
    const auto s = period_from(d("2026-12-12"), 1, c);
    CHECK(to_iso(s.first_day) == "2026-12-14");
    CHECK(to_iso(s.last_day) == "2026-12-14");
    CHECK_THROWS_AS(period_from(d("2026-12-07"), 0, c), std::invalid_argument);
}

TEST_CASE("holidays are skipped and a make-up working day (调休) counts") {
    const auto c = WorkingCalendar::parse(two_years, "test-list");
    CHECK_FALSE(c.is_working_day(d("2026-10-01")));  // Thursday, holiday
    CHECK(c.is_working_day(d("2026-10-10")));        // Saturday, worked
    // Published Wed 30 Sep: 1 and 2 Oct off, 3-4 weekend, 5-9 Mon..Fri count, 10 (Sat) worked.
    const auto p = period_from(d("2026-09-30"), 6, c);
    CHECK(to_iso(p.first_day) == "2026-10-05");
    CHECK(to_iso(p.last_day) == "2026-10-10");
    CHECK(c.sha256().size() == 64);
}

TEST_CASE("a period across the new year counts the next year's holidays") {
    const auto c = WorkingCalendar::parse(two_years, "test-list");
    // Published Wed 30 Dec 2026: 31 Dec (Thu) counts; 1 Jan off; 2-3 weekend; 4 Jan off;
    // 5-8 Jan count; 9 Jan (Sat) worked; 10 Jan Sunday.
    const auto p = period_from(d("2026-12-30"), 5, c);
    CHECK(to_iso(p.first_day) == "2026-12-31");
    CHECK(to_iso(p.last_day) == "2027-01-08");
    CHECK(to_iso(period_from(d("2026-12-30"), 6, c).last_day) == "2027-01-09");
    CHECK(to_iso(period_from(d("2026-12-30"), 7, c).last_day) == "2027-01-11");
}

TEST_CASE("a year the list does not declare is refused, never counted as holiday-free") {
    const auto c = WorkingCalendar::parse("year 2026\n2026-10-01 holiday 国庆节\n", "only-2026.txt");
    CHECK(c.covers(d("2026-12-31")));
    CHECK_FALSE(c.covers(d("2027-01-01")));
    CHECK_THROWS_WITH_AS(period_from(d("2026-12-30"), 5, c), doctest::Contains("does not cover 2027-01-01"),
                         CalendarError);
}

TEST_CASE("a bad holiday list is refused naming the file, the line and the cause") {
    CHECK_THROWS_WITH_AS(WorkingCalendar::parse("year 2026\n2026-13-01 holiday x\n", "h.txt"),
                         doctest::Contains("h.txt:2: '2026-13-01' is neither"), CalendarError);
    CHECK_THROWS_WITH_AS(WorkingCalendar::parse("year 2026\n2026-10-01 off\n", "h.txt"),
                         doctest::Contains("h.txt:2: '2026-10-01' must be followed by 'holiday'"), CalendarError);
    CHECK_THROWS_WITH_AS(WorkingCalendar::parse("year 2026\n2026-10-05 workday\n", "h.txt"),
                         doctest::Contains("h.txt:2: 2026-10-05 is a Monday"), CalendarError);
    CHECK_THROWS_WITH_AS(WorkingCalendar::parse("year 2026\n2026-10-01 holiday\n2026-10-01 holiday\n", "h.txt"),
                         doctest::Contains("h.txt:3: 2026-10-01 is listed already on line 2"), CalendarError);
    CHECK_THROWS_WITH_AS(WorkingCalendar::parse("year 2026\n2027-01-01 holiday\n", "h.txt"),
                         doctest::Contains("h.txt:2: 2027-01-01 lies in 2027"), CalendarError);
    CHECK_THROWS_WITH_AS(WorkingCalendar::parse("# nothing\n", "h.txt"), doctest::Contains("declares no year"),
                         CalendarError);
    CHECK_THROWS_WITH_AS(WorkingCalendar::load("/nonexistent/holidays.txt"), doctest::Contains("not found"),
                         CalendarError);
}

TEST_CASE("the shipped holiday list reads and knows 2026's Spring Festival") {
    const auto c = WorkingCalendar::load(std::string(PATSUB_SOURCE_DIR) + "/samples/config/holidays-cn.txt");
    CHECK_FALSE(c.is_working_day(d("2026-02-16")));
    CHECK(c.is_working_day(d("2026-02-14")));  // Saturday worked
    // Published Fri 13 Feb 2026: 14 (Sat, worked) counts, then the festival until the 23rd.
    const auto p = period_from(d("2026-02-13"), 5, c);
    CHECK(to_iso(p.first_day) == "2026-02-14");
    CHECK(to_iso(p.last_day) == "2026-02-27");
}

TEST_CASE("the period starts from the bureau's date, not the UTC date or the server's zone") {
    using namespace std::chrono;
    // 2026-12-29T17:30Z is Wednesday 30 December, 01:30 in Kunming; still Tuesday in UTC.
    const sys_seconds instant = sys_days{d("2026-12-29")} + hours{17} + minutes{30};
    const auto c = WorkingCalendar::parse(two_years, "test-list");
    ::setenv("TZ", "America/Los_Angeles", 1);  // the server's zone must not matter
    const Date kunming = local_date(instant, "Asia/Shanghai");
    ::unsetenv("TZ");
    CHECK(to_iso(kunming) == "2026-12-30");
    const auto p = period_from(kunming, 5, c);
    CHECK(to_iso(p.first_day) == "2026-12-31");
    CHECK(to_iso(p.last_day) == "2027-01-08");  // 31 Dec, then 5..8 Jan
    // Counted from the UTC date, the period would end a day early.
    const auto utc = period_from(local_date(instant, "UTC"), 5, c);
    CHECK(to_iso(utc.last_day) == "2027-01-07");
}
