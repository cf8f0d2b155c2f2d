// WorkingCalendar: which days the bureau works, for counting a public-notice period in
// working days (policy.md reading 19). Monday to Friday work, Saturday and Sunday do not,
// except as the State Council's yearly holiday notice says: listed holidays (放假) are days
// off, listed make-up working days (调休上班, usually a weekend day) are days on. Dates are
// the bureau's calendar days (reading 20), never UTC dates.
//
// The list is a text file (samples/config/holidays-cn.txt; docs/notice.md): one entry a
// line, '#' comments,
//     year 2026                  the list is complete for 2026 (every holiday of it given)
//     2026-02-16 holiday 春节     a day off
//     2026-02-14 workday 春节调休  a weekend day worked
// A period that reaches a year the list does not declare is refused rather than counted
// as if that year had no holidays: Spring Festival would otherwise shorten the notice.
#pragma once

#include "model/date.h"

#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>
#include <string>

namespace patsub::notice {

// A holiday list that cannot be read, or a period it does not cover: the message names
// the file, the line and the cause (or the year missing).
class CalendarError : public std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

class WorkingCalendar {
  public:
    // Weekends only, every year covered: for tests and for bureaus with no holiday list.
    static WorkingCalendar weekends_only();
    // Throws CalendarError naming file, line and cause.
    static WorkingCalendar load(const std::filesystem::path& file);
    // The same from text; `name` is what errors call the source.
    static WorkingCalendar parse(const std::string& text, const std::string& name);

    // Throws CalendarError when d's year is not covered.
    bool is_working_day(Date d) const;
    bool covers(Date d) const;
    // SHA-256 of the list as read (empty text for weekends_only): recorded with each
    // publication, so that the period can be checked against the list it was counted on.
    const std::string& sha256() const { return sha256_; }
    const std::string& source() const { return source_; }

  private:
    bool all_years_ = false;
    std::set<int> years_;
    std::map<Date, bool> exceptions_;  // true: worked (调休), false: day off
    std::string sha256_;
    std::string source_;
};

// The notice period: `working_days` working days, from the first working day after the
// day of publication (a notice put up at 17:00 gives the public no day), both ends
// inclusive. Payment may be approved from the day after last_day.
struct NoticePeriod {
    Date published_on;
    Date first_day;
    Date last_day;
    int working_days = 0;
};

// Throws CalendarError when the period reaches a year the calendar does not cover and
// std::invalid_argument for working_days < 1.
NoticePeriod period_from(Date published, int working_days, const WorkingCalendar& calendar);

// The day after the period: the first day approval for payment is open.
Date approval_opens(const NoticePeriod& p);

}  // namespace patsub::notice
