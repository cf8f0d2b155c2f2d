#include "export/display_width.h"
#include "export/text_table.h"

#include <doctest/doctest.h>

#include <sstream>

using namespace patsub::exports;

TEST_CASE("display width counts East Asian wide characters as two columns") {
    CHECK(display_width("") == 0);
    CHECK(display_width("abc") == 3);
    CHECK(display_width("昆明") == 4);
    CHECK(display_width("昆明滇池智能装备有限公司") == 24);
    CHECK(display_width("（虚构）") == 8);          // fullwidth parentheses
    CHECK(display_width("Co., 公司") == 9);
    CHECK(display_width("e\xCC\x81") == 1);        // e + combining acute
    CHECK(display_width("한국") == 4);              // Hangul
    CHECK(display_width("\xF0\xA0\x80\x80") == 2);  // CJK extension B
    CHECK(display_width("\xFF") == 1);              // a stray byte shows as one U+FFFD
}

TEST_CASE("terminal_safe removes what a terminal would act on") {
    CHECK(terminal_safe("\x1b[2Jevil") == "\xEF\xBF\xBD[2Jevil");
    CHECK(terminal_safe("a\rb\nc\td") == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d");
    CHECK(terminal_safe("\xC2\x9B" "x") == "\xEF\xBF\xBD" "x");  // C1 CSI
    CHECK(terminal_safe("\xC0\xAF") == "\xEF\xBF\xBD");           // overlong '/'
    CHECK(terminal_safe("昆明 ok") == "昆明 ok");
}

namespace {

// The display column at which the n-th column starts on each printed line.
int column_start(const std::string& line, int n) {
    // Columns are separated by two spaces; cells here hold no double spaces.
    std::size_t pos = 0;
    for (int i = 0; i < n; ++i) {
        pos = line.find("  ", pos);
        while (pos < line.size() && line[pos] == ' ') ++pos;
    }
    return display_width(line.substr(0, pos));
}

}  // namespace

TEST_CASE("a text table lines columns up by display width") {
    TextTable t({{"payee", TextTable::Align::left}, {"amount", TextTable::Align::right}, {"clause", TextTable::Align::left}});
    t.add({"昆明滇池智能装备有限公司", "33200.00", "8.6"});
    t.add({"Lone Star Sample Robotics", "0.00", "8.1"});
    t.add({"云南", "600.00"});
    const std::string out = t.str();
    std::istringstream in(out);
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    REQUIRE(lines.size() == 4);
    // Right-aligned amounts end in the same column; the clause column starts in the same column.
    const int end_of_amount = display_width(lines[1].substr(0, lines[1].find("33200.00") + 8));
    CHECK(display_width(lines[0].substr(0, lines[0].find("amount") + 6)) == end_of_amount);
    CHECK(display_width(lines[2].substr(0, lines[2].find("0.00") + 4)) == end_of_amount);
    CHECK(display_width(lines[3].substr(0, lines[3].find("600.00") + 6)) == end_of_amount);
    CHECK(column_start(lines[0], 2) == column_start(lines[1], 2));
    CHECK(column_start(lines[1], 2) == column_start(lines[2], 2));
    CHECK(lines[3].back() != ' ');  // no trailing blanks where the last cell is missing
    CHECK_THROWS_AS(t.add({"a", "b", "c", "d"}), std::invalid_argument);
}
