#include "ledger/chain_audit.h"

#include "ledger/chain_contents.h"
#include "ledger/payee_store.h"

#include <fmt/format.h>

#include <map>

namespace patsub::ledger {

namespace {

// The content an event of this kind must carry now, recomputed from the tables.
std::optional<std::string> content_now(SQLite::Database& db, const std::string& kind, std::int64_t ref) {
    if (kind == "batch") return batch_content(db, ref);
    if (kind == "approval") return approval_content(db, ref);
    if (kind == "staff_hold") return staff_hold_content(db, ref);
    if (kind == "init") return origin_content(db, ref);
    if (kind == "acknowledge") return acknowledgement_content(db, ref);
    if (kind == "batch_review") return batch_review_content(db, ref);
    if (kind == "annotation") return annotation_content(db, ref);
    if (kind == "notice") return notice_content(db, ref);
    if (kind == "objection") return objection_content(db, ref);
    return std::nullopt;  // an operator's act: its note is its content, covered by the hash
}

bool numeric(const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

// Rows of a table that no event of `kind` vouches for (inserted behind patsub's back).
void unchained_rows(Ledger& ledger, const std::map<std::string, std::map<std::string, std::string>>& latest,
                    const char* kind, const char* sql, const char* what, Breaches& breaches) {
    const auto found = latest.find(kind);
    SQLite::Statement q(ledger.db(), sql);
    while (q.executeStep()) {
        const std::string id = q.getColumn(0).getString();
        if (found == latest.end() || !found->second.count(id))
            breaches.push_back(fmt::format("{} {} is in no chain event (written outside patsub)", what, id));
    }
}

}  // namespace

void check_event_chain(Ledger& ledger, Breaches& breaches) {
    if (!has_table(ledger.db(), "chain_events")) {
        breaches.push_back("this ledger has no event chain yet (written before 008_chain): run any writing command "
                           "to adopt it");
        return;
    }
    EventChain& chain = ledger.chain();
    if (!chain.can_check())
        breaches.push_back("the event chain is keyed and no key was given (PATSUB_CHAIN_KEY): its hashes cannot be "
                           "checked");
    std::string prev = kChainGenesis;
    std::int64_t expected_seq = 1;
    // kind -> ref -> content of its latest event: a batch is sealed once, an approval once.
    std::map<std::string, std::map<std::string, std::string>> latest;
    chain.for_each([&](const ChainEvent& e) {
        if (e.seq != expected_seq)
            breaches.push_back(fmt::format("chain event {}: expected event {} (an event is missing)", e.seq, expected_seq));
        expected_seq = e.seq + 1;
        if (e.prev_hash != prev)
            breaches.push_back(fmt::format("chain event {}: does not chain to the event before it", e.seq));
        if (chain.can_check() && chain.expected_hash(e) != e.hash)
            breaches.push_back(fmt::format("chain event {} ({} {}): its hash does not match its content (edited or "
                                           "re-chained without the key)",
                                           e.seq, e.kind, e.ref));
        prev = e.hash;
        if (numeric(e.ref)) latest[e.kind][e.ref] = e.content_hash;
    });
    for (const auto& [kind, refs] : latest)
        for (const auto& [ref, content] : refs) {
            if (auto now = content_now(ledger.db(), kind, std::stoll(ref)); now && *now != content)
                breaches.push_back(fmt::format("{} {}: its rows differ from what the chain recorded (edited, deleted "
                                               "or inserted outside patsub)",
                                               kind, ref));
        }
    unchained_rows(ledger, latest, "batch", "SELECT batch_id FROM batches", "batch", breaches);
    unchained_rows(ledger, latest, "approval", "SELECT batch_id FROM approvals", "approval of batch", breaches);
    unchained_rows(ledger, latest, "staff_hold", "SELECT event_id FROM staff_holds", "staff hold event", breaches);
    unchained_rows(ledger, latest, "init", "SELECT rowid FROM ledger_origin", "ledger origin record", breaches);
    unchained_rows(ledger, latest, "acknowledge", "SELECT rowid FROM quarantine_acknowledgements",
                   "quarantine acknowledgement", breaches);
    if (has_table(ledger.db(), "batch_reviews")) {
        unchained_rows(ledger, latest, "batch_review", "SELECT review_id FROM batch_reviews", "batch review mark", breaches);
        unchained_rows(ledger, latest, "annotation", "SELECT annotation_id FROM line_annotations", "line annotation",
                       breaches);
    }
    if (has_table(ledger.db(), "notice_publications")) {
        unchained_rows(ledger, latest, "notice",
                       "SELECT batch_id FROM notice_publications UNION SELECT DISTINCT batch_id FROM notice_lines",
                       "public notice of batch", breaches);
        unchained_rows(ledger, latest, "objection", "SELECT objection_id FROM objections", "objection", breaches);
    }
    unchained_rows(ledger, latest, "batch",
                   "SELECT DISTINCT batch_id FROM ledger_lines UNION SELECT DISTINCT batch_id FROM payees "
                   "UNION SELECT DISTINCT batch_id FROM source_files",
                   "rows of batch", breaches);
    unchained_rows(ledger, latest, "approval",
                   "SELECT DISTINCT batch_id FROM treasury_rows UNION SELECT DISTINCT batch_id FROM exported_lines "
                   "UNION SELECT batch_id FROM treasury_files",
                   "treasury rows of batch", breaches);
}

}  // namespace patsub::ledger
