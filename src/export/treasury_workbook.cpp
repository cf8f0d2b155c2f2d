#include "export/treasury_workbook.h"

#include "export/output_file.h"
#include "export/xlsx_book.h"

#include "export/spreadsheet_csv.h"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <unistd.h>

#include <ctime>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace patsub::exports {

namespace {

constexpr std::int64_t max_exact_fen = 1'000'000'000'000'000;  // 10^15 fen: 15 significant digits

// The approval's instant: ISO 8601 to the second, in UTC ("Z") or with an offset.
std::time_t approval_instant(const std::string& at) {
    std::tm tm{};
    int consumed = 0;
    if (std::sscanf(at.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                    &tm.tm_min, &tm.tm_sec, &consumed) != 6 || consumed != 19)
        throw std::runtime_error(fmt::format("approval time '{}' is not an ISO 8601 instant like 2026-01-05T03:00:00Z", at));
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    const std::string zone = at.substr(19);
    int offset_minutes = 0;
    if (zone != "Z") {
        int h = 0, m = 0;
        char sign = 0;
        if (zone.size() != 6 || std::sscanf(zone.c_str(), "%c%2d:%2d", &sign, &h, &m) != 3 || (sign != '+' && sign != '-'))
            throw std::runtime_error(fmt::format("approval time '{}' has no UTC offset (Z or +08:00)", at));
        offset_minutes = (sign == '-' ? -1 : 1) * (h * 60 + m);
    }
    return timegm(&tm) - static_cast<std::time_t>(offset_minutes) * 60;
}

lxw_format* number_format(lxw_workbook* wb, const char* pattern, bool bold = false) {
    lxw_format* f = workbook_add_format(wb);
    format_set_num_format(f, pattern);
    if (bold) format_set_bold(f);
    return f;
}

}  // namespace

std::string treasury_workbook_name(std::int64_t batch_id) { return fmt::format("treasury-{}.xlsx", batch_id); }

double workbook_yuan(std::int64_t fen) {
    if (fen >= max_exact_fen || fen <= -max_exact_fen)
        throw std::range_error(fmt::format("{} fen is beyond what a spreadsheet number holds to the fen", fen));
    return static_cast<double>(fen) / 100.0;
}

std::string treasury_workbook(std::int64_t batch_id, const std::vector<ledger::TreasuryRow>& rows,
                              const std::string& approved_at, const std::filesystem::path& scratch_dir) {
    std::int64_t total = 0, lines = 0;
    for (const auto& r : rows) {
        total += r.amount_fen;
        lines += r.lines;
    }
    const ScratchFile scratch(scratch_dir / fmt::format(".{}.{}.part", treasury_workbook_name(batch_id), ::getpid()));
    {
        XlsxBook book(scratch.path());
        lxw_workbook* wb = book.get();
        const std::string title = fmt::format("昆明市专利资助付款清单 第{}批 / Patent subsidy treasury file, batch {}",
                                              batch_id, batch_id);
        lxw_doc_properties props{};
        props.title = const_cast<char*>(title.c_str());
        props.company = const_cast<char*>("昆明市市场监督管理局 Kunming Municipal Market Supervision Bureau");
        props.created = approval_instant(approved_at);
        workbook_set_properties(wb, &props);

        lxw_format* header = workbook_add_format(wb);
        format_set_bold(header);
        format_set_text_wrap(header);
        lxw_format* text = number_format(wb, "@");
        lxw_format* yuan = number_format(wb, "0.00");
        lxw_format* count = number_format(wb, "0");
        lxw_format* label = number_format(wb, "@", true);
        lxw_format* total_yuan = number_format(wb, "0.00", true);
        lxw_format* total_count = number_format(wb, "0", true);

        const std::string sheet_name = fmt::format("第{}批 batch {}", batch_id, batch_id);
        lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name.c_str());
        if (!ws) throw std::runtime_error(fmt::format("{}: libxlsxwriter refused sheet '{}'", scratch.path().string(), sheet_name));

        const std::pair<const char*, const char*> columns[] = {
            {"批次", "batch_id"}, {"收款单位统一社会信用代码", "payee_uscc"}, {"收款单位", "payee_name"},
            {"开户银行", "bank_name"}, {"银行账号", "bank_account"}, {"金额（元）", "amount_yuan"}, {"笔数", "lines"}};
        const double widths[] = {8, 26, 36, 36, 26, 16, 8};
        for (lxw_col_t c = 0; c < 7; ++c) {
            worksheet_set_column(ws, c, c, widths[c], nullptr);
            worksheet_write_string(ws, 0, c, bilingual_header(columns[c].first, columns[c].second).c_str(), header);
        }
        lxw_row_t row = 1;
        for (const auto& r : rows) {
            worksheet_write_number(ws, row, 0, static_cast<double>(batch_id), count);
            worksheet_write_string(ws, row, 1, r.payee_uscc.c_str(), text);
            worksheet_write_string(ws, row, 2, r.payee_name.c_str(), text);
            worksheet_write_string(ws, row, 3, r.bank_name.c_str(), text);
            worksheet_write_string(ws, row, 4, r.bank_account.c_str(), text);
            worksheet_write_number(ws, row, 5, workbook_yuan(r.amount_fen), yuan);
            worksheet_write_number(ws, row, 6, static_cast<double>(r.lines), count);
            ++row;
        }
        // The control row of the CSV, kept out of the amount column (column H stays empty).
        worksheet_set_column(ws, 8, 8, 34, nullptr);
        worksheet_set_column(ws, 9, 9, 16, nullptr);
        worksheet_write_string(ws, 0, 8, bilingual_header("控制合计", "control total").c_str(), header);
        worksheet_write_string(ws, 1, 8, bilingual_header("收款单位数", "payee rows").c_str(), label);
        worksheet_write_number(ws, 1, 9, static_cast<double>(rows.size()), total_count);
        worksheet_write_string(ws, 2, 8, bilingual_header("合计金额（元）", "total amount_yuan").c_str(), label);
        worksheet_write_number(ws, 2, 9, workbook_yuan(total), total_yuan);
        worksheet_write_string(ws, 3, 8, bilingual_header("笔数合计", "lines").c_str(), label);
        worksheet_write_number(ws, 3, 9, static_cast<double>(lines), total_count);
        worksheet_freeze_panes(ws, 1, 0);
        book.close();
    }
    return file_bytes(scratch.path());
}

}  // namespace patsub::exports
