// The treasury side of `patsub verify`: every treasury file approve recorded must add up
// to the approved, exported payable lines as the ledger holds them now (recomputed line
// by line, per payee and in total), every approval must have its file, no exported line
// may be anything but payable, and a file still lying at its recorded path must hash to
// what approve recorded (its .sha256 beside it too); so must treasury-<batch>.xlsx beside
// it, and the workbook bytes the ledger keeps.
#pragma once

#include "ledger/breaches.h"
#include "ledger/ledger.h"

#include <string>
#include <vector>

namespace patsub::ledger {

// "event S <hash>": the approval's first chain event, which the treasury file's .sha256
// companion and the notice carry (issue 18 point 2); "" before 008_chain.
std::string approval_head(Ledger& ledger, std::int64_t batch_id);

void check_treasury(Ledger& ledger, Breaches& breaches);

}  // namespace patsub::ledger
