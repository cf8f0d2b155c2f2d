#include "parsers/lists/list_error.h"

#include <fmt/format.h>

namespace patsub::lists {

namespace {
std::string summary(const std::string& file, const std::vector<std::string>& problems) {
    std::string s = fmt::format("{}: refused, {} bad row{}", file, problems.size(), problems.size() == 1 ? "" : "s");
    for (const auto& p : problems) s += "\n  " + p;
    return s;
}
}  // namespace

ListError::ListError(std::string file, std::vector<std::string> problems)
    : std::runtime_error(summary(file, problems)), problems_(std::move(problems)) {}

}  // namespace patsub::lists
