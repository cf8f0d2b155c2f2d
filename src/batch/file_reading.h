// FileReading: what a batch saw of the one grant file it is reading: which file (and zip
// member) the documents come from, the documents it refused (the first kListed kept for
// the quarantine's reason file, the rest only counted, so that a file of a million
// broken documents does not hold a million messages) and the figures the plausibility
// gates judge the file by.
#pragma once

#include "batch/plausibility_gates.h"
#include "parsers/grant_file.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace patsub::batch {

class FileReading {
  public:
    static constexpr std::size_t kListed = 1000;

    // A new file, by its content hash and inbox-relative name.
    void begin(const std::string& sha256, const std::string& shown) {
        *this = FileReading{};
        sha256_ = sha256;
        shown_ = shown;
    }
    // A zip member's documents follow, shown as "archive.zip!member".
    void enter_member(const std::string& shown) {
        member_ = shown.size() > shown_.size() ? shown.substr(shown_.size() + 1) : std::string();
    }

    // A document the reader could not read.
    void problem(const DocumentProblem& p) {
        if (problems_.size() < kListed) problems_.push_back(p);
        else ++unlisted_;
    }
    // A document read whole but refused by the batch (an implausible grant date).
    void refuse(const DocumentProblem& p) {
        ++refused_;
        problem(p);
    }

    const std::string& sha256() const { return sha256_; }
    const std::string& member() const { return member_; }
    // "grants/x.zip!member.xml" or "grants/x.xml": where a document of it is named.
    std::string where() const { return member_.empty() ? shown_ : shown_ + "!" + member_; }
    const std::vector<DocumentProblem>& problems() const { return problems_; }
    std::int64_t problems_unlisted() const { return unlisted_; }
    int refused() const { return refused_; }
    FileFigures& figures() { return figures_; }

  private:
    std::string sha256_;
    std::string shown_;
    std::string member_;
    std::vector<DocumentProblem> problems_;
    std::int64_t unlisted_ = 0;
    int refused_ = 0;
    FileFigures figures_;
};

}  // namespace patsub::batch
