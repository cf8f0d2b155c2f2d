// Grant ids (contract.md "Grant ids"): office + canonical number + kind, ASCII only.
// What the edge writes into the ledger, and what `verify` can check the ledger against.
#pragma once

#include <string_view>

namespace patsub::ids {

// True when `id` is, as a whole, [A-Z]{2}[A-Z]{0,2}[0-9]+[A-Z][0-9]?: office, the
// number (an office's letter series, then digits), the kind. "CN217000101U",
// "USD558902S1", "USPP18398P2", "TWI800049B". This is the contract's
// [A-Z]{2}[A-Z0-9]+[A-Z][0-9]? narrowed to what parse_document_number can produce, so that
// a doubled kind ("CN217000101UU", number "217000101U") is caught too. Anything else (a
// full-width digit, an invisible character) was not folded at the edge.
bool is_canonical_grant_id(std::string_view id);

}  // namespace patsub::ids
