#include "export/text_table.h"

#include "export/display_width.h"

#include <algorithm>
#include <sstream>
#include <stdexcept>

namespace patsub::exports {

TextTable::TextTable(std::vector<Column> columns) : columns_(std::move(columns)) {}

void TextTable::add(std::vector<std::string> cells) {
    if (cells.size() > columns_.size())
        throw std::invalid_argument("table row has " + std::to_string(cells.size()) + " cells for " +
                                    std::to_string(columns_.size()) + " columns");
    for (auto& c : cells) c = terminal_safe(c);
    cells.resize(columns_.size());
    rows_.push_back(std::move(cells));
}

void TextTable::print(std::ostream& out) const {
    std::vector<int> width(columns_.size(), 0);
    for (std::size_t c = 0; c < columns_.size(); ++c) {
        width[c] = display_width(columns_[c].heading);
        for (const auto& r : rows_) width[c] = std::max(width[c], display_width(r[c]));
    }
    auto print_row = [&](const std::vector<std::string>& cells) {
        std::string line;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const std::string pad(static_cast<std::size_t>(width[c] - display_width(cells[c])), ' ');
            if (c > 0) line += "  ";
            if (columns_[c].align == Align::right) line += pad + cells[c];
            else line += cells[c] + pad;
        }
        line.erase(line.find_last_not_of(' ') + 1);
        out << line << '\n';
    };
    std::vector<std::string> headings;
    for (const auto& col : columns_) headings.push_back(terminal_safe(col.heading));
    print_row(headings);
    for (const auto& r : rows_) print_row(r);
}

std::string TextTable::str() const {
    std::ostringstream s;
    print(s);
    return s.str();
}

}  // namespace patsub::exports
