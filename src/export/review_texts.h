// ReviewTexts: the words the pages show people for the codes the ledger stores, in
// Chinese and English, read from data beside the kind table (schemas/reasons.csv for
// reason codes, schemas/districts.csv for Kunming's county-level division codes), so
// that the bureau can reword a reason without a code change.
#pragma once

#include "model/line_status.h"

#include <filesystem>
#include <map>
#include <string>

namespace patsub::exports {

struct Bilingual {
    std::string zh;
    std::string en;
};

// code -> 中文 / English, from a CSV with columns `code,zh,en`.
class BilingualTable {
  public:
    BilingualTable() = default;
    // Throws lists::CsvError for a file that is not CSV or lacks a column, and
    // std::runtime_error naming the line for an empty code or text, or a repeated code.
    static BilingualTable load(const std::filesystem::path& file);
    static BilingualTable parse(const std::string& csv, const std::string& name);

    const Bilingual* find(const std::string& code) const;
    // "中文 / English", or the code itself when the table does not know it.
    std::string both(const std::string& code) const;
    const std::map<std::string, Bilingual>& entries() const { return entries_; }

  private:
    std::map<std::string, Bilingual> entries_;
};

struct ReviewTexts {
    BilingualTable reasons;
    BilingualTable districts;

    // Reads reasons.csv and districts.csv from the schemas folder.
    static ReviewTexts load(const std::filesystem::path& schemas_dir);

    // "五华区 Wuhua District (530102)"; "未登记 / no registered payee" for an empty code.
    std::string district_label(const std::string& code) const;
};

// The Chinese and English names of the ledger's line statuses.
Bilingual status_words(LineStatus status);
// A breakdown's key (the status word); an unknown word is shown as it is.
Bilingual status_words(const std::string& status);

}  // namespace patsub::exports
