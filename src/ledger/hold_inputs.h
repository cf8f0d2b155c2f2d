// HoldInputs: the digest of what every held grant was last decided on together (policy,
// patsub version, kind table, payee registry snapshots; table hold_inputs, migration 012).
// A run that finds the same digest decides again only the holds its own new facts
// concern (issue 17: held grants are not all decided again every night).
#pragma once

#include "ledger/ledger.h"

#include <string>

namespace patsub::ledger {

// "" when no run has recorded one (a ledger from before migration 012).
std::string last_hold_inputs(Ledger& ledger);
// In a transaction of its own: after the run's batch committed or was rolled back.
void record_hold_inputs(Ledger& ledger, const std::string& digest);

}  // namespace patsub::ledger
