#include "ledger/grant_lookup.h"

#include "parsers/ids/cn_application_number.h"
#include "parsers/ids/publication_id.h"
#include "parsers/ids/trim.h"

#include <SQLiteCpp/Statement.h>

#include <algorithm>

namespace patsub::ledger {

namespace {

std::vector<std::string> query(Ledger& ledger, const char* sql, const std::vector<std::string>& args) {
    SQLite::Statement q(ledger.db(), sql);
    int i = 1;
    for (const auto& a : args) q.bind(i++, a);
    std::vector<std::string> out;
    while (q.executeStep()) out.push_back(q.getColumn(0).getString());
    return out;
}

}  // namespace

std::vector<std::string> find_grants(Ledger& ledger, const std::string& identifier) {
    const std::string text(ids::trim(identifier));
    auto found = query(ledger, "SELECT grant_id FROM grants WHERE grant_id = ?", {text});
    if (!found.empty()) return found;
    if (auto pub = ids::parse_publication_id(text)) {
        found = pub->kind.empty()
                    ? query(ledger, "SELECT grant_id FROM grants WHERE office = ? AND number = ? ORDER BY grant_id",
                            {pub->office, pub->number})
                    : query(ledger, "SELECT grant_id FROM grants WHERE office = ? AND number = ? AND kind = ?",
                            {pub->office, pub->number, pub->kind});
        if (!found.empty()) return found;
    }
    if (auto app = ids::parse_cn_application_number(text, ids::CheckDigit::optional)) {
        // Without its check digit the number still names one application: match the digits.
        const std::string digits = app->digits;
        found = query(ledger,
                      "SELECT grant_id FROM grants WHERE office = 'CN' AND (application_number = ? OR "
                      "application_number LIKE ? || '.%') ORDER BY grant_id",
                      {app->canonical(), digits});
    }
    return found;
}

std::vector<SourceSighting> sightings(Ledger& ledger, const std::string& grant_id) {
    SQLite::Statement q(ledger.db(), "SELECT s.path, g.document, g.line, g.batch_id, g.member FROM grant_sightings g "
                                     "JOIN source_files s USING (sha256) WHERE g.grant_id = ? "
                                     "ORDER BY g.batch_id, s.path, g.member");
    q.bind(1, grant_id);
    std::vector<SourceSighting> out;
    while (q.executeStep())
        out.push_back({shown_source(q.getColumn(0).getString(), q.getColumn(4).getString()), q.getColumn(1).getInt(),
                       static_cast<long>(q.getColumn(2).getInt64()), q.getColumn(3).getInt64()});
    return out;
}

}  // namespace patsub::ledger
