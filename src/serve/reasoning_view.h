// ReasoningView: a line's reasoning JSON (what decide recorded) shown to bureau staff in
// Chinese — the clause's own text from the policy, amounts in yuan, each check with its
// evidence as recorded, the family and the cap slots left at decision time. It renders
// what the ledger holds; it never decides again.
#pragma once

#include "ledger/workbench_store.h"
#include "policy/policy.h"
#include "serve/page_frame.h"

#include <string>

namespace patsub::serve {

std::string reasoning_html(const Visit& v, const ledger::LineDetail& line, const Policy* policy);

}  // namespace patsub::serve
