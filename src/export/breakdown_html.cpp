#include "export/breakdown_html.h"

#include "export/html_text.h"
#include "model/money.h"

#include <fmt/format.h>

namespace patsub::exports {

std::string breakdown_table(const Breakdown& b, const std::string& key_heading, const KeyLabel& label) {
    std::string out = fmt::format(
        "<table class=\"breakdown\"><thead><tr><th>{}</th><th class=\"num\">明细 Lines</th>"
        "<th class=\"num\">可支付 Payable</th><th class=\"num\">支付额 Payable CNY</th>"
        "<th class=\"num\">追回 Recovery CNY</th><th class=\"num\">净额 Net CNY</th></tr></thead><tbody>",
        html_escape(key_heading));
    Tally sum;
    for (const auto& [key, t] : b) {
        out += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
                           "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
                           html_escape(label(key)), t.lines, t.payable_lines, to_yuan(Money{t.payable_fen}),
                           to_yuan(Money{t.recovery_fen}), to_yuan(Money{t.net_fen()}));
        sum.lines += t.lines;
        sum.payable_lines += t.payable_lines;
        sum.payable_fen += t.payable_fen;
        sum.recovery_fen += t.recovery_fen;
    }
    out += fmt::format("</tbody><tfoot><tr><th>合计 Total</th><th class=\"num\">{}</th><th class=\"num\">{}</th>"
                       "<th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th></tr></tfoot></table>\n",
                       sum.lines, sum.payable_lines, to_yuan(Money{sum.payable_fen}), to_yuan(Money{sum.recovery_fen}),
                       to_yuan(Money{sum.net_fen()}));
    return out;
}

std::vector<Bar> breakdown_bars(const Breakdown& b, const KeyLabel& label) {
    std::vector<Bar> bars;
    for (const auto& [key, t] : b) bars.push_back(Bar{label(key), t.net_fen()});
    return bars;
}

}  // namespace patsub::exports
