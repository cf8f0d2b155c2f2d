// Clock: the one place patsub reads the current instant. Every instant it writes (ledger
// lines, batches, approvals, backup names, the run lock's note) is true UTC and spelt
// with a `Z`, whatever the server's TZ.
#pragma once

#include <chrono>
#include <string>

namespace patsub {

// Now, to the second. For tests only: PATSUB_NOW=2026-12-31T17:30:00Z fixes the clock so
// that a run under any TZ can be compared byte for byte (tests/e2e/time_zones.sh).
// Production never sets it; a malformed value is refused, never ignored.
std::chrono::sys_seconds now();

// "2026-12-31T17:30:00Z"
std::string utc_instant(std::chrono::sys_seconds t);
// "20261231T173000Z": for file names
std::string utc_instant_compact(std::chrono::sys_seconds t);

}  // namespace patsub
