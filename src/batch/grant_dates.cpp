#include "batch/grant_dates.h"

#include <fmt/format.h>

namespace patsub::batch {

std::optional<std::string> implausible_grant_date(Date published, Date as_of) {
    if (published < kFirstPatentLawDay)
        return fmt::format("publication date {} is before {}, the first day of the patent law: not a plausible grant",
                           to_iso(published), to_iso(kFirstPatentLawDay));
    Date latest = as_of + std::chrono::years{1};
    if (!latest.ok()) latest = std::chrono::year_month_day_last{latest.year(), std::chrono::month_day_last{latest.month()}};
    if (published > latest)
        return fmt::format("publication date {} is more than a year after the run's as-of date {}: not a plausible "
                           "grant",
                           to_iso(published), to_iso(as_of));
    return std::nullopt;
}

}  // namespace patsub::batch
