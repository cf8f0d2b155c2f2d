#include "export/bar_chart.h"

#include "export/display_width.h"
#include "export/html_text.h"
#include "model/money.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

namespace patsub::exports {

std::string svg_bar_chart(std::string_view title, const std::vector<Bar>& bars) {
    constexpr int bar_area = 330, value_width = 120, row = 26, top = 30;
    // Room for the longest label: about 7 px per display column at 13 px (a CJK
    // character is two columns), so that district names are not cut at the left edge.
    int label_columns = 0;
    for (const auto& b : bars) label_columns = std::max(label_columns, display_width(b.label));
    const int label_width = std::clamp(label_columns * 7 + 16, 80, 420);
    const int width = label_width + bar_area + value_width;
    const int height = top + row * static_cast<int>(std::max<std::size_t>(bars.size(), 1)) + 8;
    std::int64_t largest = 0;
    for (const auto& b : bars) largest = std::max(largest, std::abs(b.fen));

    const std::string t = html_escape(title);
    std::string svg = fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" aria-label=\"{0}\" "
        "width=\"{1}\" height=\"{2}\" viewBox=\"0 0 {1} {2}\" font-family=\"sans-serif\" font-size=\"13\">"
        "<title>{0}</title><text x=\"0\" y=\"18\" font-weight=\"bold\" fill=\"#222\">{0}</text>",
        t, width, height);
    if (bars.empty())
        svg += fmt::format("<text x=\"0\" y=\"{}\" fill=\"#666\">no amounts / 无金额</text>", top + 17);
    int y = top;
    for (const auto& b : bars) {
        // Integer arithmetic: the bar's length is its share of the largest amount.
        const std::int64_t len = largest == 0 ? 0 : std::abs(b.fen) * bar_area / largest;
        const int bar = static_cast<int>(std::max<std::int64_t>(len, b.fen == 0 ? 0 : 1));
        svg += fmt::format(
            "<g><text x=\"{0}\" y=\"{1}\" text-anchor=\"end\" fill=\"#222\">{2}</text>"
            "<rect x=\"{3}\" y=\"{4}\" width=\"{5}\" height=\"{6}\" fill=\"{7}\"/>"
            "<text x=\"{8}\" y=\"{1}\" fill=\"#222\">{9}</text></g>",
            label_width - 8, y + 17, html_escape(b.label), label_width, y + 4, bar, row - 8,
            b.fen < 0 ? "#b8462e" : "#2f6f9f", label_width + bar + 6, to_yuan(Money{b.fen}));
        y += row;
    }
    svg += "</svg>";
    return svg;
}

}  // namespace patsub::exports
