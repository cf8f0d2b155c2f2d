#include "decide/earnings_question.h"

#include "decide/empty_ledger_facts.h"

namespace patsub {

EarningsQuestion::EarningsQuestion(const Policy& policy, PayeeRegistry payees, std::optional<Date> as_of)
    : payees_(std::move(payees)), rules_(policy, payees_, as_of) {}

WouldEarn EarningsQuestion::ask(const Grant& g, const Classification& c) const {
    if (!g.date) return {};
    EmptyLedgerFacts nothing;
    const auto d = rules_.decide(g, c, nothing);
    if (!d) return {};
    return {true, d->clause, std::string(to_string(d->status)), d->amount, d->reason};
}

}  // namespace patsub
