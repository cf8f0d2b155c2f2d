// Date: a calendar day, the only date type patsub uses (grant dates, filing dates,
// policy boundaries). Written and read as ISO 8601 (YYYY-MM-DD) everywhere outside.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace patsub {

using Date = std::chrono::year_month_day;

// "2019-06-12"; the caller guarantees d.ok().
std::string to_iso(Date d);

// Accepts only the strict ISO form YYYY-MM-DD naming a real calendar day.
std::optional<Date> date_from_iso(std::string_view text);

}  // namespace patsub
