#include "batch/registry_departure.h"

#include "classify/classification.h"
#include "decide/rule_facts.h"
#include "ledger/decision_record.h"
#include "ledger/payee_store.h"
#include "ledger/reasoning.h"

#include <fmt/format.h>

#include <stdexcept>

namespace patsub::batch {

std::vector<std::string> RegistryDeparture::hold_unexported_payments() {
    std::vector<std::string> held;
    const auto latest = ledger::PayeeStore(ledger_).latest_snapshot();
    if (!latest) return held;
    for (const auto& paid : ledger_.unexported_payments_outside(latest->sha256)) {
        Decision d;
        d.clause = paid.clause;
        d.status = LineStatus::held;
        d.reason = "payee_left_registry";
        d.policy_version = paid.policy_version;
        d.payee = Payee{paid.payee_uscc, paid.payee_name, {}, "", "", ""};
        d.event_key = left_registry_key_for(paid.event_key);
        d.checks.push_back({"paid", true,
                            fmt::format("line {} (batch {}) made {} payable: {} fen under clause {} to {}, not "
                                        "yet exported to the treasury",
                                        paid.line_id, paid.batch_id, paid.grant_id.empty() ? "the award" : paid.grant_id,
                                        paid.amount.fen, paid.clause, paid.payee_uscc)});
        d.checks.push_back({"Kunming payee", false,
                            fmt::format("{} ({}) is not in the latest registry snapshot {}", paid.payee_uscc,
                                        paid.payee_name, latest->path)});
        if (paid.grant_id.empty()) {
            hold_award(paid, d);
            continue;
        }
        const auto g = ledger_.load_grant(paid.grant_id);
        if (!g) continue;
        const Classification c = classify(*g, kinds_, policy_.nearest(g->date));
        writer_.write(ledger_.latest_line(paid.grant_id, paid.clause),
                      ledger::line_for(*g, c, d, paid.family, batch_id_, started_));
        held.push_back(paid.grant_id);
    }
    return held;
}

// An award line keeps the recognition its payment was decided on (its reasoning).
void RegistryDeparture::hold_award(const ledger::LedgerLine& paid, const Decision& d) {
    const auto reasoning = ledger::reasoning_from_json(paid.reasoning);
    if (!reasoning || !reasoning->recognition)
        throw std::runtime_error(
            fmt::format("award line {} carries no recognition in its reasoning; run patsub verify", paid.line_id));
    writer_.write(ledger_.latest_award_line(paid.payee_uscc, paid.clause),
                  ledger::line_for_award(*reasoning->recognition, d, batch_id_, started_));
}

}  // namespace patsub::batch
