// EarningsReading: what the "what would it earn" page (earnings_page.h) makes of an
// uploaded grant file: each document the readers give, answered by the EarningsQuestion
// (the clause, outcome and amount `patsub check --policy` gives), and each document they
// refuse, kept for the page. Bounded: past a thousand answers and a hundred refusals,
// documents are only counted, so an upload at the size limit cannot grow the page.
#pragma once

#include "classify/kind_table.h"
#include "decide/earnings_question.h"
#include "parsers/grant_file.h"

#include <cstddef>
#include <string>
#include <vector>

namespace patsub::serve {

class EarningsReading final : public GrantHandler {
  public:
    // A document listed per row; past `kRowsShown` only counted.
    static constexpr std::size_t kRowsShown = 1000;
    static constexpr std::size_t kProblemsShown = 100;

    struct Row {
        Grant grant;
        Classification classification;
        WouldEarn earns;
    };

    EarningsReading(const KindTable& kinds, const Policy& policy, const EarningsQuestion& question)
        : kinds_(kinds), policy_(policy), question_(question) {}

    void on_grant(Grant&& g) override;
    void on_problem(const DocumentProblem& p) override;
    void on_skipped(int document, long line, const std::string& why) override;

    const std::vector<Row>& rows() const { return rows_; }
    const std::vector<DocumentProblem>& problems() const { return problems_; }
    std::size_t documents() const { return documents_; }
    std::size_t refused() const { return refused_; }
    std::size_t skipped() const { return skipped_; }
    std::size_t in_scope() const { return in_scope_; }
    std::size_t payable() const { return payable_; }
    Money payable_total() const { return total_; }

  private:
    const KindTable& kinds_;
    const Policy& policy_;
    const EarningsQuestion& question_;
    std::vector<Row> rows_;
    std::vector<DocumentProblem> problems_;
    std::size_t documents_ = 0, refused_ = 0, skipped_ = 0, in_scope_ = 0, payable_ = 0;
    Money total_;
};

}  // namespace patsub::serve
