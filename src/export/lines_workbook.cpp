#include "export/lines_workbook.h"

#include "export/formula_guard.h"
#include "export/spreadsheet_csv.h"
#include "export/treasury_workbook.h"
#include "export/xlsx_book.h"

#include "model/clock.h"

#include <fmt/format.h>

#include <chrono>
#include <xlsxwriter.h>

#include <unistd.h>

#include <stdexcept>

namespace patsub::exports {

std::string lines_workbook_name(std::int64_t batch_id) { return fmt::format("lines-{}.xlsx", batch_id); }

std::int64_t write_lines_workbook(ledger::Ledger& ledger, std::int64_t batch_id, const ReviewTexts& texts,
                                  const std::filesystem::path& file) {
    // Written under a temporary name and renamed when whole; removed if anything fails.
    const ScratchFile part(file.string() + fmt::format(".{}.part", ::getpid()));
    XlsxBook book(part.path(), XlsxBook::Rows::streamed);
    lxw_workbook* wb = book.get();
    // Written now, by patsub's one clock (PATSUB_NOW in tests), not libxlsxwriter's own.
    lxw_doc_properties props{};
    const std::string title = fmt::format("昆明市专利资助明细 第{}批 / Patent subsidy lines, batch {}", batch_id, batch_id);
    props.title = const_cast<char*>(title.c_str());
    props.created = std::chrono::system_clock::to_time_t(now());
    workbook_set_properties(wb, &props);
    lxw_format* header = workbook_add_format(wb);
    format_set_bold(header);
    format_set_text_wrap(header);
    lxw_format* text = workbook_add_format(wb);
    format_set_num_format(text, "@");
    lxw_format* yuan = workbook_add_format(wb);
    format_set_num_format(yuan, "0.00");
    lxw_format* whole = workbook_add_format(wb);
    format_set_num_format(whole, "0");

    const std::string sheet_name = fmt::format("第{}批 batch {}", batch_id, batch_id);
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name.c_str());
    if (!ws) throw std::runtime_error(fmt::format("{}: libxlsxwriter refused sheet '{}'", file.string(), sheet_name));
    const std::pair<const char*, const char*> columns[] = {
        {"行号", "line_id"},      {"批次", "batch_id"},          {"专利", "grant"},
        {"局", "office"},         {"类型", "patent_type"},       {"地域", "jurisdiction"},
        {"同族", "family"},        {"统一社会信用代码", "payee_uscc"}, {"单位", "payee_name"},
        {"条款", "clause"},        {"状态", "status"},            {"状态（中文）", "status_zh"},
        {"金额（元）", "amount_yuan"}, {"金额（分）", "amount_fen"},   {"原因", "reason"},
        {"原因（中文）", "reason_zh"}, {"政策版本", "policy"}};
    const double widths[] = {9, 7, 20, 6, 13, 8, 22, 22, 34, 8, 10, 10, 14, 12, 22, 28, 14};
    constexpr lxw_col_t ncols = sizeof(widths) / sizeof(widths[0]);
    for (lxw_col_t c = 0; c < ncols; ++c) {
        worksheet_set_column(ws, c, c, widths[c], nullptr);
        worksheet_write_string(ws, 0, c, bilingual_header(columns[c].first, columns[c].second).c_str(), header);
    }
    worksheet_freeze_panes(ws, 1, 0);
    lxw_row_t row = 0;
    const auto put_text = [&](lxw_col_t c, const std::string& s) {
        if (!s.empty()) worksheet_write_string(ws, row, c, neutralised(s).c_str(), text);
    };
    ledger::LineFilter f;
    f.batch_id = batch_id;
    ledger.for_each_line(f, [&](ledger::LedgerLine&& l) {
        ++row;
        worksheet_write_number(ws, row, 0, static_cast<double>(l.line_id), whole);
        worksheet_write_number(ws, row, 1, static_cast<double>(l.batch_id), whole);
        put_text(2, l.grant_id);
        put_text(3, l.office);
        put_text(4, std::string(ledger::text_of(l.patent_type)));
        put_text(5, std::string(ledger::text_of(l.jurisdiction)));
        put_text(6, l.family);
        put_text(7, l.payee_uscc);
        put_text(8, l.payee_name);
        put_text(9, l.clause);
        put_text(10, std::string(to_string(l.status)));
        put_text(11, status_words(l.status).zh);
        worksheet_write_number(ws, row, 12, workbook_yuan(l.amount.fen), yuan);
        worksheet_write_number(ws, row, 13, static_cast<double>(l.amount.fen), whole);
        put_text(14, l.reason);
        if (const Bilingual* r = texts.reasons.find(l.reason); r && !l.reason.empty()) put_text(15, r->zh);
        put_text(16, l.policy_version);
    });
    if (row > 0) worksheet_autofilter(ws, 0, 0, row, ncols - 1);
    book.close();
    std::filesystem::rename(part.path(), file);
    return static_cast<std::int64_t>(row);
}

}  // namespace patsub::exports
