// TextTable: rows of cells printed as aligned columns for a terminal (`patsub ledger
// --format table`, `patsub summary`). Widths are display widths, so a column of Chinese
// payee names lines up with the ASCII columns beside it; cells are made terminal-safe.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace patsub::exports {

class TextTable {
  public:
    enum class Align { left, right };
    struct Column {
        std::string heading;
        Align align = Align::left;
    };

    explicit TextTable(std::vector<Column> columns);
    // Missing cells print empty; extra cells are an error (std::invalid_argument).
    void add(std::vector<std::string> cells);
    // Columns separated by two spaces, no trailing blanks, '\n' line ends.
    void print(std::ostream& out) const;
    std::string str() const;

  private:
    std::vector<Column> columns_;
    std::vector<std::vector<std::string>> rows_;
};

}  // namespace patsub::exports
