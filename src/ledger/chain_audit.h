// ChainAudit: `verify`'s proof that the event chain and the rows it vouches for are as
// patsub wrote them: every event links to the one before and carries the hash its
// content and position demand (under the key, in keyed mode); every batch, approval and
// staff hold has its event, and the rows each event covers hash to what was chained.
#pragma once

#include "ledger/breaches.h"
#include "ledger/ledger.h"

#include <string>
#include <vector>

namespace patsub::ledger {

void check_event_chain(Ledger& ledger, Breaches& breaches);

}  // namespace patsub::ledger
