#include "model/clock.h"

#include <fmt/format.h>

#include <cstdlib>
#include <stdexcept>
#include <string_view>

namespace patsub {

namespace {

// Calendar fields from the civil calendar, never through fmt's time_point formatter: fmt 9
// formats a system_clock time_point through localtime(), which wrote Shanghai wall time
// with a `Z` on a server set to Asia/Shanghai.
struct Fields {
    int y;
    unsigned mo, d;
    long h, mi, s;
};

Fields fields(std::chrono::sys_seconds t) {
    const auto day = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::year_month_day ymd{day};
    const std::chrono::hh_mm_ss hms{t - day};
    return {int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day()), long(hms.hours().count()),
            long(hms.minutes().count()), long(hms.seconds().count())};
}

std::chrono::sys_seconds parse_hook(std::string_view v) {
    // Exactly YYYY-MM-DDTHH:MM:SSZ.
    auto num = [&](std::size_t at, std::size_t len) {
        int n = 0;
        for (std::size_t i = at; i < at + len; ++i) {
            if (v[i] < '0' || v[i] > '9') throw std::invalid_argument("");
            n = n * 10 + (v[i] - '0');
        }
        return n;
    };
    try {
        if (v.size() != 20 || v[4] != '-' || v[7] != '-' || v[10] != 'T' || v[13] != ':' || v[16] != ':' ||
            v[19] != 'Z')
            throw std::invalid_argument("");
        const std::chrono::year_month_day ymd{std::chrono::year{num(0, 4)}, std::chrono::month{unsigned(num(5, 2))},
                                              std::chrono::day{unsigned(num(8, 2))}};
        const int h = num(11, 2), m = num(14, 2), s = num(17, 2);
        if (!ymd.ok() || h > 23 || m > 59 || s > 59) throw std::invalid_argument("");
        return std::chrono::sys_days{ymd} + std::chrono::hours{h} + std::chrono::minutes{m} + std::chrono::seconds{s};
    } catch (const std::invalid_argument&) {
        throw std::invalid_argument(fmt::format("PATSUB_NOW='{}' is not a UTC instant YYYY-MM-DDTHH:MM:SSZ "
                                                "(a test hook; unset it in production)", v));
    }
}

}  // namespace

std::chrono::sys_seconds now() {
    if (const char* hook = std::getenv("PATSUB_NOW"); hook != nullptr && *hook != '\0') return parse_hook(hook);
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::string utc_instant(std::chrono::sys_seconds t) {
    const auto f = fields(t);
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", f.y, f.mo, f.d, f.h, f.mi, f.s);
}

std::string utc_instant_compact(std::chrono::sys_seconds t) {
    const auto f = fields(t);
    return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", f.y, f.mo, f.d, f.h, f.mi, f.s);
}

}  // namespace patsub
