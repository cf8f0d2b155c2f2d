// A Breakdown as the pages show it: an HTML table (lines, payable lines, amounts in
// yuan) and the bars of the shared SVG chart. Used by the review page and the summary
// page so that both count and label the same way.
#pragma once

#include "export/bar_chart.h"
#include "export/breakdown.h"

#include <functional>
#include <string>
#include <vector>

namespace patsub::exports {

using KeyLabel = std::function<std::string(const std::string& key)>;

// key_heading is HTML-escaped here, like every label.
std::string breakdown_table(const Breakdown& b, const std::string& key_heading, const KeyLabel& label);

// One bar per key: its net amount (payable plus recovery).
std::vector<Bar> breakdown_bars(const Breakdown& b, const KeyLabel& label);

}  // namespace patsub::exports
