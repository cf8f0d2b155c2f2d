// RegistryDeparture: policy.md reading 18 as a step of the nightly run. The registry is the
// latest snapshot; a payee it no longer lists is not paid. Its payments and awards that no
// treasury file has carried are each answered by a held line `payee_left_registry` (key
// "left|" + the payment's key), which keeps them out of every treasury file and ends them
// as payments: the grant or recognition is decided again while held and paid, as a new
// round, once a snapshot lists the payee again. Exported payments are history.
#pragma once

#include "batch/line_writer.h"
#include "classify/kind_table.h"
#include "ledger/ledger.h"
#include "policy/policy.h"

#include <cstdint>
#include <string>
#include <vector>

namespace patsub::batch {

class RegistryDeparture {
  public:
    RegistryDeparture(ledger::Ledger& ledger, const KindTable& kinds, const Policy& policy, LineWriter& writer,
                      std::int64_t batch_id, std::string started)
        : ledger_(ledger), kinds_(kinds), policy_(policy), writer_(writer), batch_id_(batch_id),
          started_(std::move(started)) {}

    // Holds the unexported payments of payees the latest snapshot lacks. Only a new
    // snapshot can make a payee leave: call it in a run that took one. Returns the grants
    // whose payment no longer stands (their families' capped grants are decided again).
    std::vector<std::string> hold_unexported_payments();

  private:
    void hold_award(const ledger::LedgerLine& paid, const Decision& d);

    ledger::Ledger& ledger_;
    const KindTable& kinds_;
    const Policy& policy_;
    LineWriter& writer_;
    std::int64_t batch_id_;
    std::string started_;
};

}  // namespace patsub::batch
