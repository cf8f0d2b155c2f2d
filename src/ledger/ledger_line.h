// LedgerLine: one row of the append-only ledger, in the column order of contract.md's
// ledger CSV plus the bookkeeping columns (reasoning, time, hash chain).
#pragma once

#include <cstdint>
#include <string>

namespace patsub::ledger {

struct LedgerLine {
    std::int64_t line_id = 0;
    std::int64_t batch_id = 0;
    std::string event_key;  // money lines: the fixed key of the event ("pay|EP3383757|8.1")
    std::string grant_id;
    std::string office;
    std::string kind;
    std::string patent_type;
    std::string jurisdiction;
    std::string family;
    std::string payee_uscc;
    std::string payee_name;
    std::string clause;
    std::string status;
    std::int64_t amount_fen = 0;
    std::string reason;
    std::string policy_version;
    std::string reasoning;  // JSON
    std::string created_at;
    std::string prev_hash;
    std::string hash;
};

// The hash a line must carry: SHA-256 over its content fields and the previous hash,
// so changing any line, or removing one, breaks every hash after it.
std::string line_hash(const LedgerLine& l);

}  // namespace patsub::ledger
