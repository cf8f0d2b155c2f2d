#include "batch/batch_outputs.h"

#include "export/ledger_csv.h"
#include "export/review_page.h"

#include <fmt/format.h>

#include <fstream>
#include <stdexcept>

namespace patsub::batch {

void write_batch_dir(ledger::Ledger& ledger, RunReport& report, const RunOptions& o,
                     const exports::ReviewTexts& texts) {
    report.batch_dir = o.out / fmt::format("batch-{}", report.batch_id);
    std::filesystem::create_directories(report.batch_dir);
    ledger::LineFilter f;
    f.batch_id = report.batch_id;
    std::ofstream csv(report.batch_dir / "ledger.csv", std::ios::trunc);
    exports::write_ledger_csv_header(csv);
    ledger.for_each_line(f, [&](ledger::LedgerLine&& l) { exports::write_ledger_csv_row(csv, l); });
    std::ofstream summary(report.batch_dir / "summary.txt", std::ios::trunc);
    summary << summary_line(report) << '\n';
    for (const auto& q : report.quarantined) summary << "quarantined: " << q << '\n';
    for (const auto& i : report.ignored) summary << "ignored: " << i << ", never read\n";
    for (const auto& q : report.still_quarantined) summary << "still quarantined, not acknowledged: " << q << '\n';
    if (!csv || !summary) throw std::runtime_error(report.batch_dir.string() + ": cannot write batch output");
    exports::write_review_page(ledger, report.batch_id, report.batch_dir / "review.html", texts);
}

}  // namespace patsub::batch
