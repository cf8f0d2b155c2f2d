// The rows of the three exclusion and award lists of contract.md, each validated at the
// edge: identifiers parsed and check digits verified, statuses and dates known. A file
// with any bad row is refused whole (ListError naming every bad row and its line).
#pragma once

#include "model/date.h"

#include <filesystem>
#include <string>
#include <vector>

namespace patsub::lists {

// inbox/disputes/*.csv: `patent,status,date,note`.
struct DisputeRow {
    long line = 0;
    std::string patent;      // as written, folded (parsers/ids/identifier_text.h)
    std::string patent_key;  // "PUB:US11223344" (kind dropped: a dispute is about the patent)
                             // or "APP:CN:201920123456.5"
    bool open = false;
    Date date;
    std::string note;
};

// inbox/abnormal/*.csv: `application_number,notice,notice_date`.
struct AbnormalRow {
    long line = 0;
    std::string application_number;  // canonical CN application number, check digit verified
    std::string notice;
    Date notice_date;
};

// inbox/enterprises/*.csv: `uscc,name,recognition,year`.
struct EnterpriseRow {
    long line = 0;
    std::string uscc;
    std::string name;
    std::string recognition;  // "demonstration" or "pilot"
    int year = 0;
};

std::vector<DisputeRow> read_dispute_list(const std::filesystem::path& file);
std::vector<AbnormalRow> read_abnormal_list(const std::filesystem::path& file);
std::vector<EnterpriseRow> read_enterprise_list(const std::filesystem::path& file);

// The key a dispute row and a grant share: "PUB:<office><number>"; CN grants are also
// found by "APP:CN:<application number>".
std::string publication_key(const std::string& office, const std::string& number);
std::string cn_application_key(const std::string& canonical_application_number);

}  // namespace patsub::lists
