#include "serve/earnings_reading.h"

#include "classify/classification.h"

namespace patsub::serve {

void EarningsReading::on_grant(Grant&& g) {
    ++documents_;
    const Classification c = classify(g, kinds_, policy_.nearest(g.date));
    WouldEarn earns = question_.ask(g, c);
    if (earns.in_scope) ++in_scope_;
    if (earns.status == "payable") {
        ++payable_;
        total_ = total_ + earns.amount;
    }
    if (rows_.size() < kRowsShown) rows_.push_back({std::move(g), c, std::move(earns)});
}

void EarningsReading::on_problem(const DocumentProblem& p) {
    ++documents_;
    ++refused_;
    if (problems_.size() < kProblemsShown) problems_.push_back(p);
}

void EarningsReading::on_skipped(int, long, const std::string&) {
    ++documents_;
    ++skipped_;
}

}  // namespace patsub::serve
