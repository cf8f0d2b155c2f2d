#include "parsers/lists/reference_rows.h"

#include "parsers/ids/cn_application_number.h"
#include "parsers/ids/credit_code.h"
#include "parsers/ids/identifier_text.h"
#include "parsers/ids/patent_date.h"
#include "parsers/ids/publication_id.h"
#include "parsers/ids/trim.h"
#include "parsers/lists/csv_reader.h"
#include "parsers/lists/list_error.h"

#include <fmt/format.h>

#include <charconv>
#include <functional>

namespace patsub::lists {

namespace {

// Reads a list whose header names `columns`, handing each row's cells (in that order)
// to parse_row, which returns an error sentence or "" and fills its row.
template <class Row>
std::vector<Row> read_list(const std::filesystem::path& file, const std::vector<std::string>& columns,
                           const std::function<std::string(const std::vector<std::string>&, Row&)>& parse_row) {
    const std::string name = file.filename().string();
    auto records = read_csv(file);
    if (records.empty()) throw ListError(name, {fmt::format("{}:1: no header row", name)});
    std::vector<std::size_t> index;
    for (const auto& c : columns) index.push_back(column(records.front(), c, name));

    std::vector<Row> rows;
    std::vector<std::string> problems;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const auto& rec = records[r];
        if (rec.fields.size() != records.front().fields.size()) {
            problems.push_back(fmt::format("{}:{}: expected {} columns, found {}", name, rec.line,
                                           records.front().fields.size(), rec.fields.size()));
            continue;
        }
        std::vector<std::string> cells;
        for (auto i : index) cells.emplace_back(ids::trim(rec.fields[i]));
        Row row;
        row.line = rec.line;
        if (auto why = parse_row(cells, row); !why.empty()) {
            problems.push_back(fmt::format("{}:{}: {}", name, rec.line, why));
            continue;
        }
        rows.push_back(std::move(row));
    }
    if (!problems.empty()) throw ListError(name, std::move(problems));
    return rows;
}

std::string parse_list_date(const std::string& text, Date& out) {
    auto d = ids::parse_patent_date(text);
    if (!d) return fmt::format("date '{}': {}", text, d.error);
    out = *d;
    return {};
}

}  // namespace

std::string publication_key(const std::string& office, const std::string& number) {
    return "PUB:" + office + number;
}

std::string cn_application_key(const std::string& canonical) { return "APP:CN:" + canonical; }

std::vector<DisputeRow> read_dispute_list(const std::filesystem::path& file) {
    return read_list<DisputeRow>(file, {"patent", "status", "date", "note"}, [](const auto& c, DisputeRow& row) {
        // Folded once, and a character that cannot be part of either grammar named once.
        auto const patent = ids::fold_to_ascii("patent", c[0]);
        if (!patent) return patent.error;
        // A CN application number first: its check digit makes it unambiguous.
        if (auto app = ids::parse_cn_application_number(*patent)) {
            row.patent_key = cn_application_key(app->canonical());
        } else if (auto pub = ids::parse_publication_id(*patent)) {
            row.patent_key = publication_key(pub->office, pub->number);
        } else {
            return fmt::format("patent '{}' is neither a publication id ({}) nor a CN application number ({})",
                               ids::shown(c[0]), pub.error, app.error);
        }
        // Kept as written for the people who read the list, but folded: no full-width
        // digit or invisible character reaches the ledger.
        row.patent = *patent;
        if (c[1] != "open" && c[1] != "closed") return fmt::format("status '{}' is not open or closed", c[1]);
        row.open = c[1] == "open";
        row.note = c[3];
        return parse_list_date(c[2], row.date);
    });
}

std::vector<AbnormalRow> read_abnormal_list(const std::filesystem::path& file) {
    return read_list<AbnormalRow>(
        file, {"application_number", "notice", "notice_date"}, [](const auto& c, AbnormalRow& row) {
            // The whole number with its check digit: an exclusion list must name exactly one application.
            auto app = ids::parse_cn_application_number(c[0], ids::CheckDigit::required);
            if (!app) return fmt::format("application number '{}': {}", ids::shown(c[0]), app.error);
            row.application_number = app->canonical();
            row.notice = c[1];
            return parse_list_date(c[2], row.notice_date);
        });
}

std::vector<EnterpriseRow> read_enterprise_list(const std::filesystem::path& file) {
    return read_list<EnterpriseRow>(
        file, {"uscc", "name", "recognition", "year"}, [](const auto& c, EnterpriseRow& row) {
            auto code = ids::parse_credit_code(c[0]);
            if (!code) return fmt::format("uscc '{}': {}", ids::shown(c[0]), code.error);
            row.uscc = code->text;
            row.name = c[1];
            if (row.name.empty()) return std::string("empty name");
            if (c[2] != "demonstration" && c[2] != "pilot")
                return fmt::format("recognition '{}' is not demonstration or pilot", c[2]);
            row.recognition = c[2];
            const auto* end = c[3].data() + c[3].size();
            auto [p, ec] = std::from_chars(c[3].data(), end, row.year);
            if (ec != std::errc() || p != end || row.year < 1990 || row.year > 2100)
                return fmt::format("year '{}' is not a year", c[3]);
            return std::string();
        });
}

}  // namespace patsub::lists
