#include "notice/working_calendar.h"

#include "model/sha256.h"

#include <fmt/format.h>

#include <charconv>
#include <fstream>
#include <iterator>
#include <sstream>
#include <vector>

namespace patsub::notice {

namespace {

std::string trim(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r");
    return std::string(s.substr(b, e - b + 1));
}

bool weekend(Date d) {
    const std::chrono::weekday w{std::chrono::sys_days{d}};
    return w == std::chrono::Saturday || w == std::chrono::Sunday;
}

Date next_day(Date d) { return Date{std::chrono::sys_days{d} + std::chrono::days{1}}; }

const char* weekday_name(Date d) {
    static constexpr const char* names[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    return names[std::chrono::weekday{std::chrono::sys_days{d}}.c_encoding()];
}

}  // namespace

WorkingCalendar WorkingCalendar::weekends_only() {
    WorkingCalendar c;
    c.all_years_ = true;
    c.source_ = "weekends only";
    return c;
}

WorkingCalendar WorkingCalendar::load(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw CalendarError(file.string() + ": holiday list not found or not readable");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return parse(text, file.string());
}

WorkingCalendar WorkingCalendar::parse(const std::string& text, const std::string& name) {
    WorkingCalendar c;
    c.source_ = name;
    c.sha256_ = sha256_hex(text);
    std::istringstream in(text);
    std::string raw;
    std::map<Date, long> seen_at;
    struct Pending {
        Date day;
        long line;
    };
    std::vector<Pending> entries;
    for (long n = 1; std::getline(in, raw); ++n) {
        const std::string line = trim(raw.substr(0, raw.find('#')));
        if (line.empty()) continue;
        const std::string where = fmt::format("{}:{}", name, n);
        std::istringstream words(line);
        std::string first, what;
        words >> first >> what;
        if (first == "year") {
            int y = 0;
            const auto [p, ec] = std::from_chars(what.data(), what.data() + what.size(), y);
            if (ec != std::errc() || p != what.data() + what.size() || y < 1985 || y > 2200)
                throw CalendarError(fmt::format("{}: '{}' is not a year (expected e.g. 'year 2026')", where, what));
            if (!c.years_.insert(y).second) throw CalendarError(fmt::format("{}: year {} declared twice", where, y));
            continue;
        }
        const auto day = date_from_iso(first);
        if (!day)
            throw CalendarError(fmt::format("{}: '{}' is neither 'year YYYY' nor a date YYYY-MM-DD", where, first));
        if (what != "holiday" && what != "workday")
            throw CalendarError(fmt::format("{}: '{}' must be followed by 'holiday' (放假) or 'workday' (调休上班), not '{}'",
                                            where, first, what));
        if (auto [it, fresh] = seen_at.emplace(*day, n); !fresh)
            throw CalendarError(fmt::format("{}: {} is listed already on line {}", where, first, it->second));
        const bool worked = what == "workday";
        if (worked && !weekend(*day))
            throw CalendarError(fmt::format("{}: {} is a {}, a working day anyway: a make-up working day (调休) falls on "
                                            "a Saturday or Sunday (a typo in the date?)",
                                            where, first, weekday_name(*day)));
        c.exceptions_[*day] = worked;
        entries.push_back({*day, n});
    }
    for (const auto& e : entries)
        if (!c.years_.count(static_cast<int>(e.day.year())))
            throw CalendarError(fmt::format("{}:{}: {} lies in {}, which no 'year {}' line declares complete", name,
                                            e.line, to_iso(e.day), static_cast<int>(e.day.year()),
                                            static_cast<int>(e.day.year())));
    if (c.years_.empty()) throw CalendarError(name + ": the holiday list declares no year ('year 2026')");
    return c;
}

bool WorkingCalendar::covers(Date d) const { return all_years_ || years_.count(static_cast<int>(d.year())) > 0; }

bool WorkingCalendar::is_working_day(Date d) const {
    if (!covers(d))
        throw CalendarError(fmt::format("{}: the holiday list does not cover {} (no 'year {}' line): add that year's "
                                        "holidays and make-up working days from the State Council's notice",
                                        source_, to_iso(d), static_cast<int>(d.year())));
    if (auto it = exceptions_.find(d); it != exceptions_.end()) return it->second;
    return !weekend(d);
}

NoticePeriod period_from(Date published, int working_days, const WorkingCalendar& calendar) {
    if (working_days < 1)
        throw std::invalid_argument(fmt::format("a notice period of {} working days: it must be at least 1", working_days));
    NoticePeriod p;
    p.published_on = published;
    p.working_days = working_days;
    Date d = published;
    int counted = 0;
    while (counted < working_days) {
        d = next_day(d);
        if (!calendar.is_working_day(d)) continue;
        if (counted++ == 0) p.first_day = d;
    }
    p.last_day = d;
    return p;
}

Date approval_opens(const NoticePeriod& p) { return next_day(p.last_day); }

}  // namespace patsub::notice
