#include "serve/line_search.h"

#include "ledger/grant_lookup.h"
#include "ledger/workbench_store.h"
#include "parsers/ids/credit_code.h"
#include "parsers/ids/identifier_text.h"

#include <algorithm>

namespace patsub::serve {

namespace {

// "ZL202120873416.X": the certificate form staff copy from a 专利证书; the ZL prefix is
// no part of the application number the edge parses.
std::string without_zl(std::string s) {
    const auto folded = ids::nfkc(s).value_or(s);
    std::string t = folded;
    t.erase(0, t.find_first_not_of(" \t"));
    if (t.size() > 2 && (t[0] == 'Z' || t[0] == 'z') && (t[1] == 'L' || t[1] == 'l')) return t.substr(2);
    return folded;
}

}  // namespace

SearchTargets resolve_search(ledger::Ledger& ledger, const std::string& text) {
    SearchTargets out;
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) return out;
    const std::string id_text = without_zl(text);
    try {
        out.grant_ids = ledger::find_grants(ledger, id_text);
    } catch (const std::exception&) {
        // Not an identifier in any form: it may still be a company.
    }
    if (auto code = ids::parse_credit_code(text)) out.usccs.push_back(code->text);
    const std::string name = ids::nfkc(text).value_or(text);
    std::string trimmed = name;
    trimmed.erase(0, trimmed.find_first_not_of(" \t"));
    trimmed.erase(trimmed.find_last_not_of(" \t\r\n") + 1);
    for (auto& u : ledger::WorkbenchStore(ledger).companies_named(trimmed, 200))
        if (std::find(out.usccs.begin(), out.usccs.end(), u) == out.usccs.end()) out.usccs.push_back(u);
    return out;
}

}  // namespace patsub::serve
