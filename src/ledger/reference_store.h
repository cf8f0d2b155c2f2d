// ReferenceStore: the rows of the dispute, abnormal-application and enterprise lists,
// kept in the ledger from the run that first saw their file. What the lists say is then
// answered from here, whatever is still lying in the inbox.
#pragma once

#include "decide/award_rules.h"
#include "decide/rule_facts.h"
#include "parsers/lists/reference_rows.h"

#include "ledger/statement_cache.h"

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace patsub::ledger {

struct StoredRecognition {
    Recognition recognition;
    std::int64_t first_batch = 0;
};

class Ledger;

class ReferenceStore {
  public:
    explicit ReferenceStore(Ledger& ledger);

    void add(const std::string& sha256, const std::vector<lists::DisputeRow>& rows);
    void add(const std::string& sha256, const std::vector<lists::AbnormalRow>& rows);
    void add(const std::string& sha256, const std::vector<lists::EnterpriseRow>& rows, std::int64_t batch_id);

    // The latest record (by date, then by arrival) under any of the keys.
    std::optional<DisputeStanding> latest_dispute(const std::vector<std::string>& patent_keys);
    std::optional<AbnormalStanding> abnormal(const std::string& application_number);
    std::vector<StoredRecognition> recognitions();

  private:
    SQLite::Database& db_;
    StatementCache statements_;  // the per-grant lookups
};

}  // namespace patsub::ledger
