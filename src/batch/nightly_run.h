// NightlyRun: one batch, as `patsub run` and cron perform it. Reference lists first
// (a bad one stops everything before the ledger is touched), then every grant file not
// seen before, each grant classified and decided, then grants held earlier decided
// again; all ledger writes of the batch in one transaction. Files that could not be
// read completely go to quarantine and the rest of the batch runs.
#pragma once

#include "model/date.h"
#include "model/line_status.h"
#include "model/money.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <stdexcept>
#include <vector>

namespace patsub::batch {

struct RunOptions {
    std::filesystem::path db;
    std::filesystem::path inbox;
    std::filesystem::path out;
    std::filesystem::path policy;
    std::filesystem::path policy_schema;
    std::filesystem::path kinds;
    std::filesystem::path gates;  // plausibility limits (samples/config/plausibility.conf)
    Date as_of;
    Date today;
    std::optional<std::filesystem::path> anchors;  // the anchor log; default: the ledger's, else beside out  // the bureau's calendar day the run happens on: as_of may not pass it by more than a day
    std::string patsub_version;
};

// --as-of names a day the ledger cannot take: before the last batch's day (the past is
// decided) or after tomorrow (grants would be judged against a day not yet come).
class AsOfRefused : public std::invalid_argument {
  public:
    using std::invalid_argument::invalid_argument;
};

struct RunReport {
    std::int64_t batch_id = 0;
    int files_new = 0;
    int files_known = 0;  // seen in an earlier batch (same SHA-256): nothing changes
    int documents = 0;
    int grants = 0;
    int refused = 0;
    int out_of_scope = 0;
    int lines = 0;
    std::map<LineStatus, int> lines_by_status;
    Money payable;
    std::vector<std::string> quarantined;  // reason lines, one per quarantined file
    // Inbox entries never read (symlink, FIFO, unreadable): "grants/x.xml: not a regular
    // file (symlink)". Like a quarantined file, a person must look.
    std::vector<std::string> ignored;
    // Files quarantined by an earlier batch that no operator has acknowledged yet
    // ("grants/x.xml (batch 3): reason"): they keep the run at exit 1.
    std::vector<std::string> still_quarantined;
    std::filesystem::path batch_dir;
    std::vector<std::int64_t> repaired;  // earlier batches whose outputs were written again
};

RunReport run_batch(const RunOptions& options);

// "batch 3: 5 new files (1 known), 9 documents, 7 lines (4 payable 34800.00 CNY, 1 held,
// 2 rejected), 1 quarantined"
std::string summary_line(const RunReport& r);

}  // namespace patsub::batch
