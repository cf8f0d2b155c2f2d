// ListError: a reference list refused whole. Exclusion and payee lists decide who is
// (not) paid, so a half-read one is worse than none: every bad row is named with its
// line, and the run stops before touching the ledger (exit 2, contract.md).
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace patsub::lists {

class ListError : public std::runtime_error {
  public:
    ListError(std::string file, std::vector<std::string> problems);
    const std::vector<std::string>& problems() const { return problems_; }

  private:
    std::vector<std::string> problems_;  // "payees.csv:7: uscc ...: check character ..."
};

}  // namespace patsub::lists
