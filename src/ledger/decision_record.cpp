#include "ledger/decision_record.h"

#include "model/json.h"

namespace patsub::ledger {

namespace {

void write_decision_common(JsonWriter& w, const Decision& d) {
    w.field("policy_version", d.policy_version);
    w.field("clause", d.clause);
    if (d.cap) {
        w.key("family").begin_object().field("id", d.cap->family);
        w.key("members").begin_array();
        for (const auto& m : d.cap->members) w.value(m);
        w.end_array();
        w.key("funded_jurisdictions").begin_array();
        for (const auto& j : d.cap->funded) w.value(j);
        w.end_array();
        w.field("slots_left", d.cap->slots_left).end_object();
    }
    w.key("checks").begin_array();
    for (const auto& k : d.checks)
        w.begin_object().field("check", k.what).field("holds", k.holds).field("detail", k.detail).end_object();
    w.end_array();
}

std::string reasoning_json(const Grant& g, const Classification& c, const Decision& d) {
    JsonWriter w;
    w.begin_object();
    w.key("grant").begin_object();
    w.field("id", grant_id(g));
    w.field("title", g.title);
    w.field("date", g.date ? to_iso(*g.date) : std::string());
    w.field("application_number", g.application_number);
    w.field("declared_type", g.declared_type);
    w.field("kind_note", c.kind_note);
    w.key("source").begin_object().field("file", g.source.file).field("document", g.source.document)
        .field("line", static_cast<std::int64_t>(g.source.line)).end_object();
    w.key("patentees").begin_array();
    for (const auto& p : g.patentees)
        w.begin_object().field("name", p.name).field("address", p.address).field("city", p.city)
            .field("country", p.country).end_object();
    w.end_array();
    w.key("priorities").begin_array();
    for (const auto& p : g.priorities)
        w.begin_object().field("country", p.country).field("number", p.number)
            .field("date", p.date ? to_iso(*p.date) : std::string()).end_object();
    w.end_array();
    w.field("pct_application", g.pct_application);
    w.end_object();
    write_decision_common(w, d);
    w.end_object();
    return w.take();
}

std::string award_reasoning_json(const Recognition& r, const Decision& d) {
    JsonWriter w;
    w.begin_object();
    w.key("recognition").begin_object().field("uscc", r.uscc).field("name", r.name)
        .field("recognition", r.recognition).field("year", r.year).field("source", r.source).end_object();
    write_decision_common(w, d);
    w.end_object();
    return w.take();
}

}  // namespace

LedgerLine line_for(const Grant& g, const Classification& c, const Decision& d, const std::string& family,
                    std::int64_t batch_id, const std::string& created_at) {
    LedgerLine l;
    l.batch_id = batch_id;
    l.grant_id = grant_id(g);
    l.office = g.office;
    l.kind = g.kind;
    l.patent_type = std::string(to_string(c.type));
    l.jurisdiction = std::string(to_string(c.jurisdiction));
    l.event_key = d.event_key;
    l.family = family;
    if (d.payee) {
        l.payee_uscc = d.payee->uscc;
        l.payee_name = d.payee->name;
    } else {
        l.payee_name = d.payee_name;
    }
    l.clause = d.clause;
    l.status = std::string(to_string(d.status));
    l.amount_fen = d.amount.fen;
    l.reason = d.reason;
    l.policy_version = d.policy_version;
    l.reasoning = reasoning_json(g, c, d);
    l.created_at = created_at;
    return l;
}

LedgerLine line_for_award(const Recognition& r, const Decision& d, std::int64_t batch_id,
                          const std::string& created_at) {
    LedgerLine l;
    l.batch_id = batch_id;
    l.event_key = d.event_key;
    l.payee_uscc = r.uscc;  // award lines name the enterprise, registered or not (contract.md)
    l.payee_name = d.payee ? d.payee->name : r.name;
    l.clause = d.clause;
    l.status = std::string(to_string(d.status));
    l.amount_fen = d.amount.fen;
    l.reason = d.reason;
    l.policy_version = d.policy_version;
    l.reasoning = award_reasoning_json(r, d);
    l.created_at = created_at;
    return l;
}

bool repeats(const LedgerLine& latest, const LedgerLine& next) {
    if (latest.clause == next.clause && latest.status == next.status && latest.reason == next.reason &&
        latest.amount_fen == next.amount_fen && latest.payee_uscc == next.payee_uscc)
        return true;
    // The very document that was paid, read again from another file: nothing happened.
    // (A different kind of the same patent, an EP B2 after its B1, is a new grant id and
    // gets its already_paid line.)
    return latest.status == "payable" && next.reason == "already_paid" && latest.grant_id == next.grant_id;
}

}  // namespace patsub::ledger
