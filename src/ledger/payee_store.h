// PayeeStore: the payee registry as runs read it, kept in the ledger (table `payees` of
// 002_review.sql) so that `approve` can write bank details and the pages can name a
// payee's district without the inbox at hand. One row per credit code and registry
// snapshot (by the snapshot file's SHA-256); for a credit code, the row first read
// most recently wins.
#pragma once

#include "model/payee.h"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace patsub::ledger {

// Whether the ledger has the table (a ledger written before a migration, opened read-only).
bool has_table(SQLite::Database& db, const std::string& name);

// A snapshot gave a payee other bank details than the ones in force (005_identity.sql).
struct BankChange {
    std::string uscc;
    std::string old_bank_name, old_bank_account;
    std::string new_bank_name, new_bank_account;
    std::string registry_path;
    std::int64_t batch_id = 0;
    std::string at;  // UTC: when the run that read the snapshot started
};

class Ledger;

class PayeeStore {
  public:
    explicit PayeeStore(Ledger& ledger);

    // Stores each row not yet stored for this snapshot; returns how many were new. A new
    // row whose bank details differ from the payee's details in force is also recorded
    // as a BankChange.
    int record_snapshot(const std::string& registry_sha256, const std::string& registry_path,
                        const std::vector<Payee>& rows, std::int64_t batch_id);

    // Every recorded change of this payee's bank details, oldest first.
    std::vector<BankChange> bank_changes(const std::string& uscc);
    // Every recorded change of any payee's bank details, oldest first.
    std::vector<BankChange> all_bank_changes();

    std::optional<Payee> current(const std::string& uscc);
    // Credit code -> district of every current payee.
    std::map<std::string, std::string> current_districts();

  private:
    SQLite::Database& db_;
    bool available_;
};

}  // namespace patsub::ledger
