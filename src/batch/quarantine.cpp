#include "batch/quarantine.h"

#include <fmt/format.h>

#include <fstream>

namespace patsub::batch {

std::string describe(const DocumentProblem& p) {
    return fmt::format("{}: document {} (line {}, column {}): {}", p.file, p.document_index, p.line, p.column, p.cause);
}

std::filesystem::path Quarantine::put(const std::filesystem::path& file, const std::string& shown,
                                      const std::vector<DocumentProblem>& problems, const std::string& summary,
                                      std::int64_t unlisted) {
    std::filesystem::create_directories(dir_);
    // The inbox-relative name, flattened, keeps files of different lists apart.
    std::string flat = shown;
    for (char& c : flat)
        if (c == '/') c = '_';
    const auto copy = dir_ / flat;
    std::filesystem::copy_file(file, copy, std::filesystem::copy_options::overwrite_existing);
    std::ofstream reason(copy.string() + ".reason", std::ios::trunc);
    reason << summary << '\n';
    for (const auto& p : problems) reason << describe(p) << '\n';
    if (unlisted > 0) reason << fmt::format("... and {} more problems, not listed\n", unlisted);
    if (!reason) throw std::runtime_error(copy.string() + ".reason: cannot be written");
    return copy;
}

}  // namespace patsub::batch
