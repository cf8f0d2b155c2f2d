#include "model/date.h"

#include <fmt/format.h>

namespace patsub {

std::string to_iso(Date d) {
    const int year = static_cast<int>(d.year());
    const auto month = static_cast<unsigned>(d.month());
    const auto day = static_cast<unsigned>(d.day());
    // Written digit by digit: `check` prints three dates for each of a bulk document's
    // records, and a format string cost more than the rest of the line.
    if (year < 0 || year > 9999 || month > 99 || day > 99) return fmt::format("{:04}-{:02}-{:02}", year, month, day);
    std::string iso(10, '-');
    const auto digit = [](unsigned v) { return static_cast<char>('0' + v % 10); };
    const auto y = static_cast<unsigned>(year);
    iso[0] = digit(y / 1000);
    iso[1] = digit(y / 100);
    iso[2] = digit(y / 10);
    iso[3] = digit(y);
    iso[5] = digit(month / 10);
    iso[6] = digit(month);
    iso[8] = digit(day / 10);
    iso[9] = digit(day);
    return iso;
}

std::optional<Date> date_from_iso(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    auto digits = [&](std::size_t from, std::size_t n, int& out) {
        out = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (t[i] < '0' || t[i] > '9') return false;
            out = out * 10 + (t[i] - '0');
        }
        return true;
    };
    int y = 0, m = 0, d = 0;
    if (!digits(0, 4, y) || !digits(5, 2, m) || !digits(8, 2, d)) return std::nullopt;
    Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
              std::chrono::day{static_cast<unsigned>(d)}};
    if (!date.ok()) return std::nullopt;
    return date;
}

}  // namespace patsub
