#include "ledger/ledger_line.h"

#include "model/sha256.h"

#include <fmt/format.h>

namespace patsub::ledger {

std::string_view text_of(const std::optional<PatentType>& t) { return t ? to_string(*t) : std::string_view(); }
std::string_view text_of(const std::optional<Jurisdiction>& j) { return j ? to_string(*j) : std::string_view(); }

std::string line_hash(const LedgerLine& l) {
    // Unit separators cannot occur in the fields (identifiers, codes, JSON escapes them).
    const std::string content = fmt::format(
        "{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}",
        l.prev_hash, l.line_id, l.batch_id, l.event_key, l.grant_id, l.office, l.kind, text_of(l.patent_type),
        text_of(l.jurisdiction), l.family, l.payee_uscc, l.payee_name, l.clause, to_string(l.status), l.amount.fen,
        l.reason, l.policy_version, l.reasoning, l.created_at);
    return sha256_hex(content);
}

}  // namespace patsub::ledger
