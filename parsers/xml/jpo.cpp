#include "parsers/xml/jpo.h"

#include "parsers/xml/path_rules.h"

#include <string>
#include <utility>

namespace patsub::xml {

namespace {

struct State {
    RawDocument& doc;
    std::string root_office, kind_st16, kind_jp;
};

void keep_first(std::string& field, std::string_view text) {
    if (field.empty()) field.assign(text);
}

template <std::string RawDocument::*Field>
constexpr auto to = &store_first<State, Field>;

template <std::string RawParty::*Field>
void party_text(State& s, std::string_view text) {
    if (!s.doc.patentees.empty()) keep_first(s.doc.patentees.back().*Field, text);
}

template <std::string RawPriority::*Field>
void priority_text(State& s, std::string_view text) {
    if (!s.doc.priorities.empty()) keep_first(s.doc.priorities.back().*Field, text);
}

Visit begin_applicant(State& s, const Element&) {
    s.doc.patentees.emplace_back();
    return Visit::descend;
}

Visit begin_priority(State& s, const Element&) {
    s.doc.priorities.emplace_back();
    return Visit::descend;
}

Visit root(State& s, const Element& e) {
    s.root_office = e.attribute("country").value_or("");
    s.kind_st16 = e.attribute("kind-of-st16").value_or("");
    s.kind_jp = e.attribute("kind-of-jp").value_or("");
    return Visit::descend;
}

using Rule = PathRule<State>;

// Relative to applicant. An applicant may repeat its addressbook per language (ja, en);
// the first name and address win.
constexpr Rule kApplicant[] = {
    {.path = "addressbook/name", .text = party_text<&RawParty::name>},
    {.path = "addressbook/address/text", .text = party_text<&RawParty::address>},
    {.path = "addressbook/address/city", .text = party_text<&RawParty::city>},
    {.path = "addressbook/address/country", .text = party_text<&RawParty::country>},
};

constexpr Rule kPriority[] = {
    {.path = "country", .text = priority_text<&RawPriority::country>},
    {.path = "doc-number", .text = priority_text<&RawPriority::number>},
    {.path = "date", .text = priority_text<&RawPriority::date>},
};

// Relative to bibliographic-data. Applicants sit in JPO's own wrapper
// (jp:applicants-agents-article/jp:applicants-agents) next to the agents.
constexpr Rule kBibliographic[] = {
    {.path = "publication-reference/document-id/country", .text = to<&RawDocument::office>},
    {.path = "publication-reference/document-id/doc-number", .text = to<&RawDocument::number>},
    {.path = "publication-reference/document-id/kind", .text = to<&RawDocument::declared_type>},
    {.path = "publication-reference/document-id/date", .text = to<&RawDocument::date>},
    {.path = "application-reference/document-id/doc-number", .text = to<&RawDocument::application_number>},
    {.path = "application-reference/document-id/date", .text = to<&RawDocument::application_date>},
    {.path = "invention-title", .text = to<&RawDocument::title>},
    {.path = "parties/applicants-agents-article/applicants-agents/applicant", .enter = begin_applicant,
     .children = kApplicant},
    {.path = "priority-claims/priority-claim", .enter = begin_priority, .children = kPriority},
    {.path = "pct-or-regional-filing-data/document-id/doc-number", .text = to<&RawDocument::pct_application>},
};

constexpr Rule kDocument[] = {
    {.path = "", .enter = root},
    {.path = "bibliographic-data", .children = kBibliographic},
};

}  // namespace

void read_jpo(SafeReader& reader, RecordSink& records) {
    RawDocument doc;
    doc.line = reader.current_line();
    doc.format = std::string(kJpoFormat);
    State state{doc, {}, {}, {}};
    if (!walk_rules<State>(reader, state, kDocument)) return;
    if (doc.office.empty()) doc.office = std::move(state.root_office);
    doc.kind = !state.kind_st16.empty() ? std::move(state.kind_st16) : std::move(state.kind_jp);
    records.emit(std::move(doc));
}

}  // namespace patsub::xml
