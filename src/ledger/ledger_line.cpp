#include "ledger/ledger_line.h"

#include "model/sha256.h"

#include <fmt/format.h>

namespace patsub::ledger {

std::string line_hash(const LedgerLine& l) {
    // Unit separators cannot occur in the fields (identifiers, codes, JSON escapes them).
    const std::string content = fmt::format(
        "{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}",
        l.prev_hash, l.line_id, l.batch_id, l.event_key, l.grant_id, l.office, l.kind, l.patent_type,
        l.jurisdiction, l.family, l.payee_uscc, l.payee_name, l.clause, l.status, l.amount_fen,
        l.reason, l.policy_version, l.reasoning, l.created_at);
    return sha256_hex(content);
}

}  // namespace patsub::ledger
