// Quarantine: where a file that could not be read completely goes, so that a person
// can see it and why: OUT/quarantine/<name> plus <name>.reason naming file, document,
// line, column and cause. The inbox copy stays where it is.
#pragma once

#include "parsers/grant_file.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace patsub::batch {

class Quarantine {
  public:
    explicit Quarantine(std::filesystem::path out_dir) : dir_(std::move(out_dir) / "quarantine") {}

    // Copies the file and writes its reason file (the summary, each listed problem, and
    // how many more were found but not listed); returns the copy's path.
    std::filesystem::path put(const std::filesystem::path& file, const std::string& shown,
                              const std::vector<DocumentProblem>& problems, const std::string& summary,
                              std::int64_t unlisted = 0);

  private:
    std::filesystem::path dir_;
};

// "grants/x.xml: document 2 (line 257, column 3): Entity 'ldquo' not defined"
std::string describe(const DocumentProblem& p);

}  // namespace patsub::batch
