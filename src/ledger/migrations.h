// The ledger's schema history: SQL files from schemas/migrations, compiled in, applied
// in name order, each once, each in its own transaction.
#pragma once

#include <span>
#include <string_view>

namespace patsub::ledger {

struct Migration {
    std::string_view name;  // "001_ledger"
    std::string_view sql;
};

std::span<const Migration> migrations();

}  // namespace patsub::ledger
