#include "batch/plausibility_gates.h"

#include "parsers/ids/trim.h"

#include <fmt/format.h>

#include <charconv>
#include <fstream>
#include <stdexcept>

namespace patsub::batch {

namespace {

template <class T>
T number(std::string_view text, const std::string& where) {
    T value{};
    const auto* end = text.data() + text.size();
    auto [p, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || p != end || value < 0)
        throw std::invalid_argument(fmt::format("{}: '{}' is not a non-negative number", where, text));
    return value;
}

double share(int part, int whole) { return whole == 0 ? 0.0 : static_cast<double>(part) / whole; }

}  // namespace

PlausibilityGates PlausibilityGates::load(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw std::invalid_argument(file.string() + ": plausibility configuration not found");
    PlausibilityGates g;
    std::string line;
    for (long n = 1; std::getline(in, line); ++n) {
        const std::string uncommented = line.substr(0, line.find('#'));
        const std::string_view text = ids::trim(uncommented);
        if (text.empty()) continue;
        const std::string where = fmt::format("{}:{}", file.string(), n);
        const auto eq = text.find('=');
        if (eq == std::string_view::npos) throw std::invalid_argument(where + ": expected key = value");
        const auto key = ids::trim(text.substr(0, eq));
        const auto value = ids::trim(text.substr(eq + 1));
        if (key == "min_records") g.min_records = number<int>(value, where);
        else if (key == "min_read_share") g.min_read_share = number<double>(value, where);
        else if (key == "max_missing_patentee_share") g.max_missing_patentee_share = number<double>(value, where);
        else if (key == "max_unknown_kind_share") g.max_unknown_kind_share = number<double>(value, where);
        else throw std::invalid_argument(fmt::format("{}: unknown setting '{}'", where, key));
    }
    return g;
}

std::optional<std::string> PlausibilityGates::check(const FileFigures& f) const {
    if (f.documents < min_records && f.records < min_records) return std::nullopt;
    if (share(f.records, f.documents) < min_read_share)
        return fmt::format("implausible: {} records read from {} documents (below {:.0f}%)", f.records, f.documents,
                           min_read_share * 100);
    if (share(f.missing_patentee, f.grants) > max_missing_patentee_share)
        return fmt::format("implausible: {} of {} grants have no patentee (over {:.0f}%)", f.missing_patentee,
                           f.grants, max_missing_patentee_share * 100);
    if (share(f.unknown_kind, f.grants) > max_unknown_kind_share)
        return fmt::format("implausible: {} of {} grants have a kind code the table does not know (over {:.0f}%)",
                           f.unknown_kind, f.grants, max_unknown_kind_share * 100);
    return std::nullopt;
}

}  // namespace patsub::batch
