// PayeeStore: the payee registry as runs read it, kept in the ledger (table `payees` of
// 002_review.sql) so that `approve` can write bank details and the pages can name a
// payee's district without the inbox at hand. One row per credit code and registry
// snapshot (by the snapshot file's SHA-256).
//
// The registry is the LATEST snapshot (policy.md reading 18): the payees file taken by
// the most recent run that took one, the greatest file name when that run took several.
// A payee absent from it is not registered, whatever older snapshots said. Bank-detail
// history is kept across snapshots: a change is measured against the payee's last known
// row (view current_payees), so a payee that leaves and returns with another account
// still records the change.
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

    // The latest snapshot (SHA-256 and inbox path); nullopt before any run took a payees file.
    struct Snapshot {
        std::string sha256, path;
    };
    std::optional<Snapshot> latest_snapshot();
    // The rows of one snapshot, by credit code.
    std::vector<Payee> snapshot_rows(const std::string& registry_sha256);

    // The payee as the latest snapshot lists it; nullopt when it does not (never
    // registered, or left the registry): its bank details are not in force.
    std::optional<Payee> current(const std::string& uscc);
    // Credit code -> district of every payee ever registered, as last listed (the pages
    // name the district of a payee that has since left beside its old lines).
    std::map<std::string, std::string> current_districts();

  private:
    std::optional<Payee> last_known(const std::string& uscc);

    SQLite::Database& db_;
    bool available_;
};

}  // namespace patsub::ledger
