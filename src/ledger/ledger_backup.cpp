#include "ledger/ledger_backup.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <vector>

namespace patsub::ledger {

std::filesystem::path back_up(const std::filesystem::path& db, const std::filesystem::path& dir, int keep) {
    if (keep < 1) throw std::invalid_argument("--keep must be at least 1");
    std::filesystem::create_directories(dir);
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    auto target = dir / fmt::format("ledger-{:%Y%m%dT%H%M%SZ}.sqlite", now);
    for (int n = 2; std::filesystem::exists(target); ++n)
        target = dir / fmt::format("ledger-{:%Y%m%dT%H%M%SZ}-{}.sqlite", now, n);
    {
        SQLite::Database source(db.string(), SQLite::OPEN_READONLY);
        SQLite::Statement vacuum(source, "VACUUM INTO ?");
        vacuum.bind(1, target.string());
        vacuum.exec();
    }
    std::vector<std::filesystem::path> copies;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        const auto name = e.path().filename().string();
        if (e.is_regular_file() && name.starts_with("ledger-") && name.ends_with(".sqlite")) copies.push_back(e.path());
    }
    std::sort(copies.begin(), copies.end());  // timestamps sort as text
    for (std::size_t i = 0; i + keep < copies.size(); ++i) std::filesystem::remove(copies[i]);
    return target;
}

}  // namespace patsub::ledger
