#include "parsers/lists/payee_list.h"

#include "parsers/ids/credit_code.h"
#include "parsers/ids/identifier_text.h"
#include "parsers/ids/trim.h"
#include "parsers/lists/bank_details.h"
#include "parsers/lists/csv_reader.h"
#include "parsers/lists/list_error.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace patsub::lists {

namespace {

std::string trimmed(std::string_view s) { return std::string(ids::trim(s)); }

bool starts_with_any(const std::string& code, const std::vector<std::string>& prefixes) {
    return std::any_of(prefixes.begin(), prefixes.end(), [&](const auto& p) { return code.starts_with(p); });
}

std::vector<std::string> split_aliases(const std::string& field) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= field.size()) {
        auto bar = field.find('|', start);
        auto part = trimmed(field.substr(start, bar == std::string::npos ? std::string::npos : bar - start));
        if (!part.empty()) out.push_back(part);
        if (bar == std::string::npos) break;
        start = bar + 1;
    }
    return out;
}

}  // namespace

std::vector<Payee> read_payee_list(const std::filesystem::path& file, const PayeeRules& rules) {
    const std::string name = file.filename().string();
    auto records = read_csv(file);
    if (records.empty()) throw ListError(name, {fmt::format("{}:1: no header row", name)});
    const auto& header = records.front();
    const auto c_uscc = column(header, "uscc", name), c_name = column(header, "name", name),
               c_aliases = column(header, "aliases", name), c_district = column(header, "district", name),
               c_bank = column(header, "bank_name", name), c_account = column(header, "bank_account", name);

    std::vector<Payee> payees;
    std::vector<std::string> problems;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const auto& rec = records[r];
        auto bad = [&](const std::string& why) { problems.push_back(fmt::format("{}:{}: {}", name, rec.line, why)); };
        if (rec.fields.size() != header.fields.size()) {
            bad(fmt::format("expected {} columns, found {}", header.fields.size(), rec.fields.size()));
            continue;
        }
        Payee p;
        auto code = ids::parse_credit_code(rec.fields[c_uscc]);
        if (!code) {
            bad(fmt::format("uscc '{}': {}", ids::shown(rec.fields[c_uscc]), code.error));
            continue;
        }
        p.uscc = code->text;
        if (!starts_with_any(code->registration_division(), rules.registration_prefixes))
            bad(fmt::format("uscc {} was issued in division {}, neither Kunming nor Yunnan province level",
                            p.uscc, code->registration_division()));
        p.name = trimmed(rec.fields[c_name]);
        if (p.name.empty()) bad("empty name");
        p.aliases = split_aliases(rec.fields[c_aliases]);
        auto district = ids::fold_to_ascii("district", rec.fields[c_district]);
        p.district = district ? *district : trimmed(rec.fields[c_district]);
        const bool six_digits = p.district.size() == 6 &&
            std::all_of(p.district.begin(), p.district.end(), [](unsigned char c) { return std::isdigit(c); });
        if (!six_digits || !starts_with_any(p.district, rules.district_prefixes))
            bad(fmt::format("district '{}' is not a Kunming county-level division code (5301xx)", p.district));
        p.bank_name = trimmed(rec.fields[c_bank]);
        if (p.bank_name.empty()) bad("empty bank name");
        std::string why;
        if (auto account = bank_account(rec.fields[c_account], why)) p.bank_account = std::move(*account);
        else bad(why);
        payees.push_back(std::move(p));
    }
    if (!problems.empty()) throw ListError(name, std::move(problems));
    return payees;
}

}  // namespace patsub::lists
