// BureauTime: the calendar the bureau works in. The as-of day of a run and every figure
// bucketed by day or month are dates in the bureau's time zone (Kunming keeps Beijing
// time), never the server's zone and never the UTC date: 01:30 on 1 January in Kunming
// is still 31 December in UTC.
#pragma once

#include "model/date.h"

#include <chrono>
#include <string>

namespace patsub {

// The one default; `run --time-zone`, the environment variable PATSUB_TIME_ZONE or
// `time_zone` in patsub.conf (src/config/settings.h), in that order, choose another.
inline constexpr const char* default_bureau_time_zone = "Asia/Shanghai";

// The zone to use: `option` when given, else PATSUB_TIME_ZONE, else the default. Throws
// std::invalid_argument when the name is not a zone of the tz database
// (/usr/share/zoneinfo, package tzdata): an unknown name would silently mean UTC.
std::string bureau_time_zone(const std::string& option = "");

// The calendar day `t` falls on in `zone` (a name bureau_time_zone accepted).
Date local_date(std::chrono::sys_seconds t, const std::string& zone);

}  // namespace patsub
