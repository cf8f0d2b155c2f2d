#include "model/money.h"

#include <fmt/format.h>

namespace patsub {

std::string to_yuan(Money m) {
    const std::int64_t abs = m.fen < 0 ? -m.fen : m.fen;
    return fmt::format("{}{}.{:02}", m.fen < 0 ? "-" : "", abs / 100, abs % 100);
}

}  // namespace patsub
