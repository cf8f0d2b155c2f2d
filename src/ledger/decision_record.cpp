#include "ledger/decision_record.h"

#include "model/json.h"

namespace patsub::ledger {

namespace {

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
    w.field("policy_version", d.policy_version);
    w.field("clause", d.clause);
    w.key("checks").begin_array();
    for (const auto& k : d.checks)
        w.begin_object().field("check", k.what).field("holds", k.holds).field("detail", k.detail).end_object();
    w.end_array();
    w.end_object();
    return w.take();
}

}  // namespace

LedgerLine line_for(const Grant& g, const Classification& c, const Decision& d, std::int64_t batch_id,
                    const std::string& created_at) {
    LedgerLine l;
    l.batch_id = batch_id;
    l.grant_id = grant_id(g);
    l.office = g.office;
    l.kind = g.kind;
    l.patent_type = std::string(to_string(c.type));
    l.jurisdiction = std::string(to_string(c.jurisdiction));
    l.family = g.family_id;
    if (d.payee) {
        l.payee_uscc = d.payee->uscc;
        l.payee_name = d.payee->name;
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

bool repeats(const LedgerLine& a, const LedgerLine& b) {
    return a.clause == b.clause && a.status == b.status && a.reason == b.reason &&
           a.amount_fen == b.amount_fen && a.payee_uscc == b.payee_uscc;
}

}  // namespace patsub::ledger
