// GrantDates: whether a grant's publication date can be true for a run on a given day.
// A date before the first day of the Chinese patent law, or more than a year after the
// run's day, is a typing or export error, not a grant: the document is refused (and its
// file quarantined) rather than decided. A date just after the run's day is plausible
// (a weekly file published ahead) and is held by the rules instead (grant_after_as_of).
#pragma once

#include "model/date.h"

#include <optional>
#include <string>

namespace patsub::batch {

// 1985-04-01: the Patent Law of the PRC took effect; no grant of any office predates it
// and still earns anything under measure 8.
inline constexpr Date kFirstPatentLawDay{std::chrono::year{1985}, std::chrono::April, std::chrono::day{1}};

// The cause to refuse the document with, or nullopt when the date is plausible.
std::optional<std::string> implausible_grant_date(Date published, Date as_of);

}  // namespace patsub::batch
