// One horizontal bar chart as inline SVG, shared by the review page and the summary
// page so that both draw amounts the same way. Self-contained (no script, no external
// font or style): it opens from disk. Labels are escaped; amounts print in yuan.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace patsub::exports {

struct Bar {
    std::string label;
    std::int64_t fen = 0;  // negative amounts (recoveries) draw in another colour
};

std::string svg_bar_chart(std::string_view title, const std::vector<Bar>& bars);

}  // namespace patsub::exports
