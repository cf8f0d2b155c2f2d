// KindTable: what a kind code means at a given office on a given date (granted
// invention, utility model, design, or not a grant at all), loaded from
// schemas/kind-codes.csv. Letters mean different things at different offices and in
// different eras (CN switched C/Y/D to B/U/S on 2010-04-01), so the key is
// office + kind + publication date, and the answer is data, never a chain of ifs.
#pragma once

#include "model/date.h"
#include "model/patent_type.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace patsub {

struct KindRule {
    std::string office;
    std::string kind;
    std::optional<Date> from;  // first publication day the meaning holds (inclusive)
    std::optional<Date> to;    // last day (inclusive)
    bool is_grant = false;
    // false: no source settles what the office means by this kind (is_grant "unverified"
    // in the table). Such a document is neither paid nor rejected: it is held for staff
    // (policy.md reading 4; issue 14 point 2), `type` saying what it would be if granted.
    bool verified = true;
    PatentType type = PatentType::other;
    std::string note;  // what the document is, for explanations
};

class KindTable {
  public:
    // Throws std::runtime_error naming file and line for a malformed row.
    static KindTable load(const std::filesystem::path& file);

    // The rule for office + kind on that date; nullptr when the table does not know
    // the pair (the caller rejects it as unknown_kind rather than guess). A document
    // without a date matches only rules without a date range.
    const KindRule* find(std::string_view office, std::string_view kind,
                         std::optional<Date> published) const;

    std::size_t size() const { return size_; }

  private:
    std::unordered_map<std::string, std::vector<KindRule>> rules_;  // key "US:B2"
    std::size_t size_ = 0;
};

}  // namespace patsub
