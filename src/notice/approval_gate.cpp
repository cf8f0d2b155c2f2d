#include "notice/approval_gate.h"

#include "ledger/review_store.h"

namespace patsub::notice {

ApprovalGate approval_open(ledger::Ledger& ledger, std::int64_t batch_id, Date today) {
    ApprovalGate g;
    ledger::NoticeStore notices(ledger);
    ledger::ReviewStore review(ledger);
    g.publication = notices.publication(batch_id);
    if (review.approval(batch_id)) {
        g.approved = true;
        g.open = true;
        return g;
    }
    if (auto why = notices.approval_refusal(batch_id, today)) g.refusal = *why;
    g.open = g.refusal.empty();
    return g;
}

}  // namespace patsub::notice
