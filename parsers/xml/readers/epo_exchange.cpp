#include "parsers/xml/readers/epo_exchange.h"

#include <algorithm>
#include <utility>

namespace patsub::xml {

namespace {

using State = ExchangeState;
using Rule = PathRule<State>;

ExchangeForm form_named(std::string_view name) {
    if (name == "docdb") return ExchangeForm::docdb;
    if (name == "epodoc") return ExchangeForm::epodoc;
    if (name == "docdba") return ExchangeForm::docdba;
    if (name == "original") return ExchangeForm::original;
    return ExchangeForm::other;
}

std::size_t slot(ExchangeForm form) { return static_cast<std::size_t>(form); }

bool is_capital(char c) { return c >= 'A' && c <= 'Z'; }

Visit begin_reference(State& s, const Element& e, FormedId& target) {
    s.target = &target;
    s.reference_form = form_named(e.attribute("data-format").value_or(""));
    return Visit::descend;
}

Visit begin_publication(State& s, const Element& e) { return begin_reference(s, e, s.draft.publication); }
Visit begin_application(State& s, const Element& e) { return begin_reference(s, e, s.draft.application); }

// DOCDB repeats a priority claim once per data-format with the same @sequence; OPS
// gives one claim per sequence with a document-id per form. Both end up as one FormedId
// per sequence. A claim without @sequence stands alone.
Visit begin_priority_in(State& s, const Element& e, std::vector<FormedId>& claims) {
    const std::string sequence = e.attribute("sequence").value_or("");
    FormedId* claim = nullptr;
    if (!sequence.empty())
        for (FormedId& c : claims)
            if (c.sequence == sequence) claim = &c;
    if (claim == nullptr) {
        claims.push_back(FormedId{sequence, {}});
        claim = &claims.back();
    }
    return begin_reference(s, e, *claim);
}

Visit begin_priority(State& s, const Element& e) { return begin_priority_in(s, e, s.draft.priorities); }
Visit begin_member_priority(State& s, const Element& e) { return begin_priority_in(s, e, s.draft.member_priorities); }

Visit begin_document_id(State& s, const Element& e) {
    ExchangeForm form = s.reference_form;
    if (const auto type = e.attribute("document-id-type")) form = form_named(*type);
    s.id = s.target != nullptr ? &s.target->forms[slot(form)] : nullptr;
    return Visit::descend;
}

void end_document_id(State& s) { s.id = nullptr; }

template <std::string ExchangeId::*Field>
void id_text(State& s, std::string_view text) {
    if (s.id != nullptr) keep_first(s.id->*Field, text);
}

Visit begin_applicant(State& s, const Element& e) {
    s.draft.applicants.push_back(ExchangeParty{form_named(e.attribute("data-format").value_or("")),
                                               e.attribute("sequence").value_or(""), {}, {}});
    return Visit::descend;
}

template <std::string ExchangeParty::*Field>
void party_text(State& s, std::string_view text) {
    if (!s.draft.applicants.empty()) keep_first(s.draft.applicants.back().*Field, text);
}

Visit begin_title(State& s, const Element& e) {
    s.pending_lang = e.attribute("lang").value_or("");
    return Visit::text;
}

void title_text(State& s, std::string_view text) {
    ExchangeDraft& d = s.draft;
    if (text.empty()) return;
    if (d.title.empty() || (s.pending_lang == "en" && d.title_lang != "en")) {
        d.title.assign(text);
        d.title_lang = s.pending_lang;
    }
}

Visit begin_member_exchange_document(State& s, const Element& e) {
    read_exchange_document_attributes(s, e);
    return Visit::descend;
}

constexpr Rule kIdFields[] = {
    {.path = "country", .text = id_text<&ExchangeId::country>},
    {.path = "doc-number", .text = id_text<&ExchangeId::number>},
    {.path = "kind", .text = id_text<&ExchangeId::kind>},
    {.path = "date", .text = id_text<&ExchangeId::date>},
};

// Relative to a publication-reference, application-reference or priority-claim.
constexpr Rule kReference[] = {
    {.path = "document-id", .enter = begin_document_id, .exit = end_document_id, .children = kIdFields},
};

constexpr Rule kApplicant[] = {
    {.path = "applicant-name/name", .text = party_text<&ExchangeParty::name>},
    {.path = "residence/country", .text = party_text<&ExchangeParty::country>},
};

// Relative to exchange-document. Citations, classifications, abstracts and the
// designation of states (hundreds of elements per record) are never entered.
constexpr Rule kExchangeDocument[] = {
    {.path = "bibliographic-data/publication-reference", .enter = begin_publication, .children = kReference},
    {.path = "bibliographic-data/application-reference", .enter = begin_application, .children = kReference},
    {.path = "bibliographic-data/priority-claims/priority-claim", .enter = begin_priority, .children = kReference},
    {.path = "bibliographic-data/parties/applicants/applicant", .enter = begin_applicant, .children = kApplicant},
    {.path = "bibliographic-data/invention-title", .enter = begin_title, .text = title_text},
};

// Relative to ops:family-member.
constexpr Rule kFamilyMember[] = {
    {.path = "publication-reference", .enter = begin_publication, .children = kReference},
    {.path = "application-reference", .enter = begin_application, .children = kReference},
    {.path = "priority-claim", .enter = begin_member_priority, .children = kReference},
    {.path = "exchange-document", .enter = begin_member_exchange_document, .children = kExchangeDocument},
};

// An identifier in the given form, with the country split off an epodoc number
// ("US201615044813" -> US, 201615044813).
ExchangeId resolved(ExchangeId id, ExchangeForm form) {
    if (form == ExchangeForm::epodoc && id.country.empty() && id.number.size() > 2 && is_capital(id.number[0]) &&
        is_capital(id.number[1])) {
        id.country = id.number.substr(0, 2);
        id.number.erase(0, 2);
    }
    return id;
}

// The preferred form that has a number; its date, when it has none, from any other form
// (OPS gives the application date on the epodoc document-id only).
ExchangeId preferred(const FormedId& id) {
    ExchangeId chosen;
    for (std::size_t i = 0; i < kExchangeForms; ++i) {
        if (id.forms[i].number.empty()) continue;
        chosen = resolved(id.forms[i], static_cast<ExchangeForm>(i));
        break;
    }
    for (const ExchangeId& form : id.forms)
        if (chosen.date.empty() && !form.date.empty()) chosen.date = form.date;
    return chosen;
}

// The international application an application or priority reference names, in the
// first form that shows it: docdb (PCT/US2013/064552 written US 2013064552 kind W,
// printed "US2013064552"), original ("PCT/US2013/064552"), epodoc ("WO2013US64552").
// The normaliser writes all three the PCT way.
std::string international_application(const FormedId& id) {
    const ExchangeId& docdb = id.forms[slot(ExchangeForm::docdb)];
    if (docdb.kind == "W" && !docdb.country.empty() && !docdb.number.empty()) return docdb.country + docdb.number;
    const ExchangeId& original = id.forms[slot(ExchangeForm::original)];
    if (original.number.starts_with("PCT/")) return original.number;
    const std::string& epodoc = id.forms[slot(ExchangeForm::epodoc)].number;
    if (epodoc.size() > 8 && epodoc.starts_with("WO") && is_capital(epodoc[6]) && is_capital(epodoc[7])) return epodoc;
    return {};
}

// Trailing separators before an epodoc country suffix: ASCII white space, and the
// Unicode spaces OPS actually prints there (U+2002 EN SPACE in "9SOLUTIONS OY\u2002[FI]";
// U+00A0 and U+2000..U+200A, U+202F, U+3000 accepted alike).
std::string_view trim_separator(std::string_view text) {
    for (;;) {
        const std::string_view before = text;
        text = trim_xml_space(text);
        if (text.ends_with("\xC2\xA0")) text.remove_suffix(2);
        else if (text.ends_with("\xE2\x80\xAF") || text.ends_with("\xE3\x80\x80")) text.remove_suffix(3);
        else if (text.size() >= 3 && text.substr(text.size() - 3, 2) == "\xE2\x80" &&
                 static_cast<unsigned char>(text.back()) >= 0x80 && static_cast<unsigned char>(text.back()) <= 0x8A)
            text.remove_suffix(3);
        if (text == before) return text;
    }
}

// OPS epodoc names carry the country: "SCIENT DRILLING INT [US]".
ExchangeParty split_epodoc_name(ExchangeParty party) {
    const std::string_view name = trim_xml_space(party.name);
    const std::size_t n = name.size();
    if (n > 4 && name[n - 1] == ']' && name[n - 4] == '[' && is_capital(name[n - 3]) && is_capital(name[n - 2])) {
        if (party.country.empty()) party.country = std::string(name.substr(n - 3, 2));
        party.name = std::string(trim_separator(name.substr(0, n - 4)));
    } else {
        party.name = std::string(name);
    }
    return party;
}

std::vector<RawParty> parties(const std::vector<ExchangeParty>& applicants) {
    ExchangeForm best = ExchangeForm::other;
    for (const ExchangeParty& p : applicants)
        if (slot(p.form) < slot(best) && !p.name.empty()) best = p.form;
    std::vector<RawParty> out;
    for (const ExchangeParty& candidate : applicants) {
        if (candidate.form != best || candidate.name.empty()) continue;
        const ExchangeParty main = split_epodoc_name(candidate);
        RawParty party{main.name, {}, {}, main.country, {}};
        // Offices keep @sequence aligned between the forms of one party in the samples
        // seen; where a form has no sequence, nothing is matched to it.
        if (!main.sequence.empty()) {
            for (const ExchangeParty& other : applicants) {
                if (other.form == best || other.sequence != main.sequence || other.name.empty()) continue;
                const ExchangeParty alias = split_epodoc_name(other);
                // docdba and original often agree; each spelling once.
                if (alias.name != party.name &&
                    std::find(party.names.begin(), party.names.end(), alias.name) == party.names.end())
                    party.names.push_back(alias.name);
                if (party.country.empty()) party.country = alias.country;
            }
        }
        out.push_back(std::move(party));
    }
    return out;
}

}  // namespace

RuleTable<ExchangeState> exchange_document_rules() { return kExchangeDocument; }

RuleTable<ExchangeState> family_member_rules() { return kFamilyMember; }

void begin_exchange_record(ExchangeState& state) {
    state.draft = ExchangeDraft{};
    state.draft.line = state.reader.current_line();
    state.target = nullptr;
    state.id = nullptr;
}

void read_exchange_document_attributes(ExchangeState& state, const Element& element) {
    ExchangeDraft& d = state.draft;
    keep_first(d.family_id, element.attribute("family-id").value_or(""));
    keep_first(d.attributes.country, element.attribute("country").value_or(""));
    keep_first(d.attributes.number, element.attribute("doc-number").value_or(""));
    keep_first(d.attributes.kind, element.attribute("kind").value_or(""));
    keep_first(d.attributes.date, element.attribute("date-publ").value_or(""));
}

void emit_exchange_record(ExchangeState& state) {
    ExchangeDraft& d = state.draft;
    RawDocument doc;
    doc.format = std::string(state.format);
    doc.line = d.line;

    ExchangeId publication = preferred(d.publication);
    if (publication.number.empty()) publication = d.attributes;
    doc.office = publication.country.empty() ? d.attributes.country : publication.country;
    doc.number = publication.number;
    doc.kind = publication.kind.empty() ? d.attributes.kind : publication.kind;
    doc.date = publication.date.empty() ? d.attributes.date : publication.date;

    const ExchangeId application = preferred(d.application);
    doc.application_number = application.number;
    doc.application_date = application.date;
    doc.pct_application = international_application(d.application);

    for (const FormedId& claim : d.priorities.empty() ? d.member_priorities : d.priorities) {
        const ExchangeId priority = preferred(claim);
        if (priority.number.empty()) continue;
        if (doc.pct_application.empty()) doc.pct_application = international_application(claim);
        doc.priorities.push_back(RawPriority{priority.country, priority.number, priority.date});
    }

    doc.patentees = parties(d.applicants);
    doc.title = std::move(d.title);
    doc.family_id = std::move(d.family_id);
    state.records.emit(std::move(doc));
}

}  // namespace patsub::xml
