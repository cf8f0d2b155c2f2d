#include "export/treasury_handoff.h"

#include "export/output_file.h"

#include "export/treasury_file.h"
#include "export/treasury_workbook.h"
#include "ledger/notice_store.h"
#include "ledger/payee_store.h"
#include "ledger/treasury_audit.h"
#include "model/sha256.h"

#include <fmt/format.h>

#include <fstream>
#include <iterator>
#include <optional>
#include <stdexcept>

namespace patsub::exports {

namespace {

// Through a temporary file, fsync and a rename, so the treasury never sees half a file.
void put_file(const std::filesystem::path& file, const std::string& bytes, HandoffResult& r) {
    (write_unless_same(file, bytes) ? r.written : r.unchanged).push_back(file);
}

// The workbook approve first wrote for the batch, from the ledger; made and recorded now
// when there is none yet (this approval, or one from before migration 007). Kept bytes
// rather than made again: a later libxlsxwriter or zlib may pack the same cells otherwise.
// Inside the caller's transaction.
ledger::TreasuryWorkbook kept_workbook(ledger::ReviewStore& store, const HandoffResult& r,
                                       const std::vector<ledger::TreasuryRow>& rows,
                                       const std::filesystem::path& out_dir) {
    const std::int64_t batch_id = r.approval.batch_id;
    if (auto kept = store.treasury_workbook(batch_id)) {
        if (sha256_hex(kept->bytes) != kept->sha256)
            throw std::runtime_error(fmt::format("batch {}: the workbook bytes in the ledger do not hash to the "
                                                 "sha256 recorded with them ({}); run patsub verify",
                                                 batch_id, kept->sha256));
        return *kept;
    }
    ledger::TreasuryWorkbook w;
    w.batch_id = batch_id;
    w.file_name = treasury_workbook_name(batch_id);
    w.bytes = treasury_workbook(batch_id, rows, r.approval.at, out_dir);
    w.sha256 = sha256_hex(w.bytes);
    store.record_workbook(w);
    return w;
}

}  // namespace

HandoffResult approve_batch(ledger::Ledger& ledger, std::int64_t batch_id, const std::string& by,
                            const std::filesystem::path& out_dir, const std::string& now, Date today) {
    if (by.find_first_not_of(" \t\r\n") == std::string::npos)
        throw ledger::ReviewRefused("an approval needs the approver's name (--by)");
    ledger::ReviewStore store(ledger);
    HandoffResult r;
    std::vector<ledger::TreasuryRow> rows;
    ledger::TreasuryWorkbook workbook;
    {
        auto tx = ledger.transaction();
        if (!store.batch(batch_id)) throw ledger::ReviewRefused(fmt::format("there is no batch {} in this ledger", batch_id));
        std::filesystem::create_directories(out_dir);
        if (auto a = store.approval(batch_id)) {
            r.approval = *a;
            auto file = store.treasury_file(batch_id);
            if (!file) throw std::runtime_error(fmt::format("batch {} is approved but has no treasury file record", batch_id));
            r.treasury = *file;
            rows = store.treasury_rows(batch_id);
        } else {
            // The lines stream by into the payees' rows (a batch may pay a million lines);
            // record_approval records the same lines exported, from the same query.
            ledger::PayeeStore payees(ledger);
            TreasuryTally tally(payees);
            std::int64_t candidates = 0;
            std::optional<ledger::ReviewRefused> no_bank;  // the first line whose payee has no account
            store.for_each_export_candidate(batch_id, [&](ledger::LedgerLine&& l) {
                ++candidates;
                if (no_bank) return;
                try {
                    tally.add(l);
                } catch (const ledger::ReviewRefused& e) {
                    no_bank = e;
                }
            });
            // An approval hands the treasury a file to pay; one with no row is a sign-off on
            // nothing (issue 16 point 4). Said before the notice: no notice would help it.
            if (candidates == 0)
                throw ledger::ReviewRefused(fmt::format(
                    "batch {} has nothing to pay (no payable line of its own and none released to it): nothing was "
                    "approved, no treasury file written",
                    batch_id));
            // Reading 19: only after the batch's notice period ended, and only what it proposed.
            if (auto why = ledger::NoticeStore(ledger).approval_refusal(batch_id, today))
                throw ledger::ReviewRefused(*why + "; nothing was approved");
            if (no_bank) throw *no_bank;
            r.newly_approved = true;
            r.approval = ledger::Approval{batch_id, by, now};
            rows = tally.rows();
            const std::string csv = treasury_csv(batch_id, rows);
            // A treasury file for this batch already handed over with other content: the
            // ledger forgot an approval it made (restored from an older copy). Paying from
            // it again could pay a line twice; a person must look.
            if (const auto earlier = out_dir / treasury_file_name(batch_id);
                std::filesystem::exists(earlier) && file_bytes(earlier) != csv)
                throw ledger::ReviewRefused(fmt::format(
                    "{} already exists with other content, but this ledger has no approval of batch {}: the ledger "
                    "may have been restored from an older copy; nothing was approved",
                    earlier.string(), batch_id));
            std::int64_t total = 0;
            for (const auto& row : rows) total += row.amount_fen;
            r.treasury = ledger::TreasuryRecord{batch_id, treasury_file_name(batch_id),
                                                std::filesystem::absolute(out_dir / treasury_file_name(batch_id)).string(),
                                                static_cast<std::int64_t>(rows.size()),
                                                tally.lines(), total, sha256_hex(csv)};
            store.record_approval(r.approval, r.treasury, rows);
        }
        workbook = kept_workbook(store, r, rows, out_dir);
        tx.commit();
    }

    // The files come from what the ledger now holds, on first approval and on every later one.
    std::string csv = treasury_csv(batch_id, rows);
    if (sha256_hex(csv) != r.treasury.sha256) {
        // Approved by an earlier patsub that quoted fewer cells: the file it wrote, still
        // in place with the recorded hash, is the treasury's and stays as it is.
        const auto written = out_dir / r.treasury.file_name;
        std::string on_disk = std::filesystem::exists(written) ? file_bytes(written) : std::string();
        if (on_disk.empty() || sha256_hex(on_disk) != r.treasury.sha256)
            throw std::runtime_error(fmt::format("batch {}: the treasury rows in the ledger no longer give the file "
                                                 "recorded at approval (sha256 {}); run patsub verify",
                                                 batch_id, r.treasury.sha256));
        csv = std::move(on_disk);
    }
    put_file(out_dir / r.treasury.file_name, csv, r);
    // The approval's first chain event: fixed, so that approving again writes the same bytes.
    const std::string head = ledger::approval_head(ledger, batch_id);
    put_file(out_dir / (r.treasury.file_name + ".sha256"), sha256_line(csv, r.treasury.file_name, head), r);
    put_file(out_dir / workbook.file_name, workbook.bytes, r);
    put_file(out_dir / (workbook.file_name + ".sha256"), sha256_line(workbook.bytes, workbook.file_name, head), r);
    return r;
}

}  // namespace patsub::exports
