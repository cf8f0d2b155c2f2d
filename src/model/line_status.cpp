#include "model/line_status.h"

#include <array>
#include <utility>

namespace patsub {
namespace {
constexpr std::array<std::pair<LineStatus, std::string_view>, 4> kWords{{
    {LineStatus::payable, "payable"},
    {LineStatus::held, "held"},
    {LineStatus::rejected, "rejected"},
    {LineStatus::recovery, "recovery"},
}};
}  // namespace

std::string_view to_string(LineStatus s) {
    for (const auto& [status, word] : kWords)
        if (status == s) return word;
    return "rejected";
}

std::optional<LineStatus> line_status_from(std::string_view text) {
    for (const auto& [status, word] : kWords)
        if (word == text) return status;
    return std::nullopt;
}

}  // namespace patsub
