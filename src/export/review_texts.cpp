#include "export/review_texts.h"

#include "parsers/lists/csv_reader.h"

#include <fmt/format.h>

#include <stdexcept>

namespace patsub::exports {

namespace {

std::map<std::string, Bilingual> from_records(const std::vector<lists::CsvRecord>& records, const std::string& name);

}  // namespace

BilingualTable BilingualTable::load(const std::filesystem::path& file) {
    BilingualTable t;
    t.entries_ = from_records(lists::read_csv(file), file.string());
    return t;
}

BilingualTable BilingualTable::parse(const std::string& csv, const std::string& name) {
    BilingualTable t;
    t.entries_ = from_records(lists::parse_csv(csv, name), name);
    return t;
}

const Bilingual* BilingualTable::find(const std::string& code) const {
    auto it = entries_.find(code);
    return it == entries_.end() ? nullptr : &it->second;
}

std::string BilingualTable::both(const std::string& code) const {
    const Bilingual* b = find(code);
    return b ? b->zh + " / " + b->en : code;
}

namespace {

std::map<std::string, Bilingual> from_records(const std::vector<lists::CsvRecord>& records, const std::string& name) {
    if (records.empty()) throw lists::CsvError(name, 1, "empty file: expected the header code,zh,en");
    const auto& header = records.front();
    const std::size_t code = lists::column(header, "code", name);
    const std::size_t zh = lists::column(header, "zh", name);
    const std::size_t en = lists::column(header, "en", name);
    std::map<std::string, Bilingual> entries;
    for (std::size_t i = 1; i < records.size(); ++i) {
        const auto& r = records[i];
        auto field = [&](std::size_t c) { return c < r.fields.size() ? r.fields[c] : std::string(); };
        Bilingual b{field(zh), field(en)};
        const std::string key = field(code);
        if (key.empty() || b.zh.empty() || b.en.empty())
            throw std::runtime_error(fmt::format("{}:{}: code, zh and en must all be given", name, r.line));
        if (!entries.emplace(key, std::move(b)).second)
            throw std::runtime_error(fmt::format("{}:{}: code '{}' given twice", name, r.line, key));
    }
    return entries;
}

}  // namespace

ReviewTexts ReviewTexts::load(const std::filesystem::path& schemas_dir) {
    return ReviewTexts{BilingualTable::load(schemas_dir / "reasons.csv"),
                       BilingualTable::load(schemas_dir / "districts.csv")};
}

std::string ReviewTexts::district_label(const std::string& code) const {
    if (code.empty()) return "未登记 / no registered payee";
    if (const Bilingual* b = districts.find(code)) return fmt::format("{} {} ({})", b->zh, b->en, code);
    return code;
}

Bilingual status_words(LineStatus status) {
    switch (status) {
        case LineStatus::payable: return {"可支付", "payable"};
        case LineStatus::held: return {"暂缓", "held"};
        case LineStatus::rejected: return {"不予资助", "rejected"};
        case LineStatus::recovery: return {"追回", "recovery"};
    }
    return {"不予资助", "rejected"};
}

Bilingual status_words(const std::string& status) {
    if (const auto s = line_status_from(status)) return status_words(*s);
    return {status, status};
}

}  // namespace patsub::exports
