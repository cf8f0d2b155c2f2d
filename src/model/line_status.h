// LineStatus: what a ledger line says of its grant or award. The words are the ledger's
// `status` column and every output's (contract.md), from the one table in line_status.cpp.
#pragma once

#include <optional>
#include <string_view>

namespace patsub {

enum class LineStatus { payable, held, rejected, recovery };

std::string_view to_string(LineStatus s);
std::optional<LineStatus> line_status_from(std::string_view text);

}  // namespace patsub
