#include "ledger/decision_record.h"

#include "ledger/reasoning.h"

namespace patsub::ledger {

LedgerLine line_for(const Grant& g, const Classification& c, const Decision& d, const std::string& family,
                    std::int64_t batch_id, const std::string& created_at) {
    LedgerLine l;
    l.batch_id = batch_id;
    l.grant_id = grant_id(g);
    l.office = g.office;
    l.kind = g.kind;
    l.patent_type = c.type;
    l.jurisdiction = c.jurisdiction;
    l.event_key = d.event_key;
    l.family = family;
    if (d.payee) {
        l.payee_uscc = d.payee->uscc;
        l.payee_name = d.payee->name;
    } else {
        l.payee_name = d.payee_name;
    }
    l.clause = d.clause;
    l.status = d.status;
    l.amount = d.amount;
    l.reason = d.reason;
    l.policy_version = d.policy_version;
    l.reasoning = to_json_text(reasoning_for(g, c, d));
    l.created_at = created_at;
    return l;
}

LedgerLine line_for_award(const Recognition& r, const Decision& d, std::int64_t batch_id,
                          const std::string& created_at) {
    LedgerLine l;
    l.batch_id = batch_id;
    l.event_key = d.event_key;
    l.payee_uscc = r.uscc;  // award lines name the enterprise, registered or not (contract.md)
    l.payee_name = d.payee ? d.payee->name : r.name;
    l.clause = d.clause;
    l.status = d.status;
    l.amount = d.amount;
    l.reason = d.reason;
    l.policy_version = d.policy_version;
    l.reasoning = to_json_text(reasoning_for(r, d));
    l.created_at = created_at;
    return l;
}

bool repeats(const LedgerLine& latest, const LedgerLine& next) {
    if (latest.clause == next.clause && latest.status == next.status && latest.reason == next.reason &&
        latest.amount == next.amount && latest.payee_uscc == next.payee_uscc)
        return true;
    // The very document that was paid, read again from another file: nothing happened.
    // (A different kind of the same patent, an EP B2 after its B1, is a new grant id and
    // gets its already_paid line.)
    return latest.status == LineStatus::payable && next.reason == "already_paid" && latest.grant_id == next.grant_id;
}

}  // namespace patsub::ledger
