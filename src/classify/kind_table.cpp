#include "classify/kind_table.h"

#include "parsers/lists/csv_reader.h"

#include <fmt/format.h>

#include <stdexcept>

namespace patsub {

namespace {

std::string key(std::string_view office, std::string_view kind) {
    return fmt::format("{}:{}", office, kind);
}

std::optional<Date> optional_date(const std::string& text, const std::string& where) {
    if (text.empty()) return std::nullopt;
    auto d = date_from_iso(text);
    if (!d) throw std::runtime_error(fmt::format("{}: '{}' is not an ISO date", where, text));
    return d;
}

}  // namespace

KindTable KindTable::load(const std::filesystem::path& file) {
    auto records = lists::read_csv(file);
    if (records.empty()) throw std::runtime_error(file.string() + ": empty kind-code table");
    const auto& header = records.front();
    const std::string name = file.string();
    const auto c_office = lists::column(header, "office", name);
    const auto c_kind = lists::column(header, "kind", name);
    const auto c_from = lists::column(header, "from", name);
    const auto c_to = lists::column(header, "to", name);
    const auto c_grant = lists::column(header, "is_grant", name);
    const auto c_type = lists::column(header, "patent_type", name);
    const auto c_note = lists::column(header, "note", name);

    KindTable table;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const auto& f = records[r].fields;
        const std::string where = fmt::format("{}:{}", name, records[r].line);
        if (f.size() != header.fields.size())
            throw std::runtime_error(fmt::format("{}: expected {} columns, found {}", where,
                                                 header.fields.size(), f.size()));
        KindRule rule;
        rule.office = f[c_office];
        rule.kind = f[c_kind];
        rule.from = optional_date(f[c_from], where);
        rule.to = optional_date(f[c_to], where);
        if (f[c_grant] != "true" && f[c_grant] != "false" && f[c_grant] != "unverified")
            throw std::runtime_error(fmt::format("{}: is_grant must be true, false or unverified", where));
        rule.is_grant = f[c_grant] == "true";
        rule.verified = f[c_grant] != "unverified";
        auto type = patent_type_from(f[c_type]);
        if (!type) throw std::runtime_error(fmt::format("{}: unknown patent_type '{}'", where, f[c_type]));
        rule.type = *type;
        rule.note = f[c_note];
        auto& bucket = table.rules_[key(rule.office, rule.kind)];
        for (const auto& other : bucket) {
            bool overlap = (!rule.to || !other.from || *other.from <= *rule.to) &&
                           (!other.to || !rule.from || *rule.from <= *other.to);
            if (overlap)
                throw std::runtime_error(fmt::format(
                    "{}: {} {} overlaps the date range of an earlier row", where, rule.office, rule.kind));
        }
        bucket.push_back(std::move(rule));
        ++table.size_;
    }
    return table;
}

const KindRule* KindTable::find(std::string_view office, std::string_view kind,
                                std::optional<Date> published) const {
    auto it = rules_.find(key(office, kind));
    if (it == rules_.end()) return nullptr;
    for (const auto& rule : it->second) {
        if (!published) {
            if (!rule.from && !rule.to) return &rule;
            continue;
        }
        if (rule.from && *published < *rule.from) continue;
        if (rule.to && *rule.to < *published) continue;
        return &rule;
    }
    return nullptr;
}

}  // namespace patsub
