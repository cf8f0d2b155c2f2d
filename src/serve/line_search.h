// LineSearch: what a person typed in the batch page's search box, resolved through the
// identifier edge (issue 13 point 5) — a patent by any written form of its publication
// or application number (ZL202120873416.X, 202120873416, CN 215634829 U; ledger/
// grant_lookup folds them as `explain` does), a company by its credit code (folded and
// checked, parsers/ids/credit_code) or by a part of its registered name or an alias
// (NFKC-folded, so full-width and half-width forms meet).
#pragma once

#include "ledger/ledger.h"

#include <string>
#include <vector>

namespace patsub::serve {

struct SearchTargets {
    std::vector<std::string> grant_ids;
    std::vector<std::string> usccs;
};

SearchTargets resolve_search(ledger::Ledger& ledger, const std::string& text);

}  // namespace patsub::serve
