// Objections (异议) to a published notice: recorded against one line with who entered it,
// where it came from and what it says, and the line is held (a staff hold naming the
// objection) so that no approval pays it until staff have weighed it and released it.
// Objections after the period are still recorded and still hold: holding is the safe
// side; the record says it came late.
#pragma once

#include "ledger/ledger.h"
#include "ledger/notice_store.h"
#include "model/actor.h"

#include <cstdint>
#include <string>

namespace patsub::notice {

// Throws ledger::ReviewRefused (no such line, not on a notice awaiting approval, already
// paid, blank source or text). The bureau's date (time_zone) says whether it came
// within the period.
ledger::Objection record_objection(ledger::Ledger& ledger, std::int64_t line_id, const Actor& entered_by,
                                   std::string source, std::string text,
                                   const std::string& time_zone = "Asia/Shanghai");

}  // namespace patsub::notice
