// LedgerLine: one row of the append-only ledger, in the column order of contract.md's
// ledger CSV plus the bookkeeping columns (reasoning, time, hash chain).
#pragma once

#include "model/line_status.h"
#include "model/money.h"
#include "model/patent_type.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace patsub::ledger {

struct LedgerLine {
    std::int64_t line_id = 0;
    std::int64_t batch_id = 0;
    std::string event_key;  // money lines: the fixed key of the event ("pay|EP3383757|8.1")
    std::string grant_id;
    std::string office;
    std::string kind;
    std::optional<PatentType> patent_type;      // none on award lines (8.9, 8.10)
    std::optional<Jurisdiction> jurisdiction;  // none on award lines
    std::string family;
    std::string payee_uscc;
    std::string payee_name;
    std::string clause;
    LineStatus status = LineStatus::rejected;
    Money amount;
    std::string reason;
    std::string policy_version;
    std::string reasoning;  // JSON
    std::string created_at;
    std::string prev_hash;
    std::string hash;
};

// The column's word for an optional type: "" on award lines.
std::string_view text_of(const std::optional<PatentType>& t);
std::string_view text_of(const std::optional<Jurisdiction>& j);

// The hash a line must carry: SHA-256 over its content fields and the previous hash,
// so changing any line, or removing one, breaks every hash after it.
std::string line_hash(const LedgerLine& l);

}  // namespace patsub::ledger
