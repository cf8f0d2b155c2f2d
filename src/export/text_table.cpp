#include "export/text_table.h"

#include "export/display_width.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace patsub::exports {

TextTable::TextTable(std::vector<Column> columns) : columns_(std::move(columns)) {
    for (const auto& c : columns_) width_.push_back(display_width(c.heading));
}

std::vector<std::string> TextTable::safe_cells(std::vector<std::string> cells) const {
    if (cells.size() > columns_.size())
        throw std::invalid_argument("table row has " + std::to_string(cells.size()) + " cells for " +
                                    std::to_string(columns_.size()) + " columns");
    for (auto& c : cells) c = terminal_safe(c);
    cells.resize(columns_.size());
    return cells;
}

void TextTable::measure(const std::vector<std::string>& cells) {
    const auto safe = safe_cells(cells);
    for (std::size_t c = 0; c < safe.size(); ++c) width_[c] = std::max(width_[c], display_width(safe[c]));
}

void TextTable::add(std::vector<std::string> cells) {
    measure(cells);
    rows_.push_back(safe_cells(std::move(cells)));
}

void TextTable::print_safe_row(std::ostream& out, const std::vector<std::string>& cells) const {
    std::string line;
    for (std::size_t c = 0; c < cells.size(); ++c) {
        const std::string pad(static_cast<std::size_t>(std::max(0, width_[c] - display_width(cells[c]))), ' ');
        if (c > 0) line += "  ";
        if (columns_[c].align == Align::right) line += pad + cells[c];
        else line += cells[c] + pad;
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << '\n';
}

void TextTable::print_heading(std::ostream& out) const {
    std::vector<std::string> headings;
    for (const auto& col : columns_) headings.push_back(terminal_safe(col.heading));
    print_safe_row(out, headings);
}

void TextTable::print_row(std::ostream& out, const std::vector<std::string>& cells) const {
    print_safe_row(out, safe_cells(cells));
}

void TextTable::print(std::ostream& out) const {
    print_heading(out);
    for (const auto& r : rows_) print_safe_row(out, r);
}

std::string TextTable::str() const {
    std::ostringstream s;
    print(s);
    return s.str();
}

}  // namespace patsub::exports
