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

    // A table too long to hold (a million ledger lines, issue 17 point 4) is read twice:
    // every row measured (widths only, nothing kept), then the heading and each row
    // printed as it comes; the output is the same as add() and print() would give.
    void measure(const std::vector<std::string>& cells);
    void print_heading(std::ostream& out) const;
    void print_row(std::ostream& out, const std::vector<std::string>& cells) const;

  private:
    std::vector<std::string> safe_cells(std::vector<std::string> cells) const;
    void print_safe_row(std::ostream& out, const std::vector<std::string>& cells) const;

    std::vector<Column> columns_;
    std::vector<int> width_;  // display width of each column's widest cell so far
    std::vector<std::vector<std::string>> rows_;
};

}  // namespace patsub::exports
