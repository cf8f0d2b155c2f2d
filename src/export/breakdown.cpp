#include "export/breakdown.h"

#include <cctype>

namespace patsub::exports {

void Tally::add(const ledger::LedgerLine& l) { add(l.status, 1, l.amount.fen); }

void Tally::add(LineStatus status, std::int64_t n, std::int64_t fen) {
    lines += n;
    if (status == LineStatus::payable) {
        payable_lines += n;
        payable_fen += fen;
    } else if (status == LineStatus::recovery) {
        recovery_fen += fen;
    }
}

bool NaturalLess::operator()(const std::string& a, const std::string& b) const {
    std::size_t i = 0, j = 0;
    auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            std::size_t ie = i, je = j;
            while (ie < a.size() && digit(a[ie])) ++ie;
            while (je < b.size() && digit(b[je])) ++je;
            // Compare the runs as numbers without converting: skip leading zeros, then length, then digits.
            std::size_t is = i, js = j;
            while (is + 1 < ie && a[is] == '0') ++is;
            while (js + 1 < je && b[js] == '0') ++js;
            if (ie - is != je - js) return ie - is < je - js;
            if (int c = a.compare(is, ie - is, b, js, je - js); c != 0) return c < 0;
            i = ie;
            j = je;
        } else {
            if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
            ++i;
            ++j;
        }
    }
    if (a.size() - i != b.size() - j) return a.size() - i < b.size() - j;
    return a < b;
}

Breakdown break_down(const std::vector<ledger::LedgerLine>& lines,
                     const std::function<std::string(const ledger::LedgerLine&)>& key) {
    Breakdown out;
    for (const auto& l : lines) out[key(l)].add(l);
    return out;
}

Tally total(const std::vector<ledger::LedgerLine>& lines) {
    Tally t;
    for (const auto& l : lines) t.add(l);
    return t;
}

}  // namespace patsub::exports
