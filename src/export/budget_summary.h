// BudgetSummary: `patsub summary`, the ledger lines of every batch whose as-of day
// falls in a date range, totalled by clause, Kunming district, month and status for
// budget planning. A line counts on its batch's as-of day (batches.as_of: the day the
// run decided on, when the bureau incurred the liability), not on the grant date, so
// that a month's figures never change once its runs are done. Printed as a terminal
// table, CSV (for a spreadsheet: headers in Chinese and English, clauses as 第8.10条,
// months as 2026年02月, which a spreadsheet would read as a day) or an HTML page with the
// review page's charts.
#pragma once

#include "export/breakdown.h"
#include "export/review_texts.h"
#include "ledger/ledger.h"
#include "model/date.h"

#include <string>

namespace patsub::exports {

struct BudgetSummary {
    std::string from;  // ISO dates, inclusive
    std::string to;
    std::int64_t batches = 0;
    Tally total;
    Breakdown by_clause;
    Breakdown by_district;
    Breakdown by_month;   // "2026-01"
    Breakdown by_status;
};

BudgetSummary gather_summary(ledger::Ledger& ledger, Date from, Date to);

std::string summary_table(const BudgetSummary& s, const ReviewTexts& texts);
std::string summary_csv(const BudgetSummary& s, const ReviewTexts& texts);
std::string summary_html(const BudgetSummary& s, const ReviewTexts& texts);

}  // namespace patsub::exports
