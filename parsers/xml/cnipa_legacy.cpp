#include "parsers/xml/cnipa_legacy.h"

#include "parsers/xml/path_rules.h"

#include <string>

namespace patsub::xml {

namespace {

struct State {
    RawDocument& doc;
};

void keep_first(std::string& field, std::string_view text) {
    if (field.empty()) field.assign(text);
}

template <std::string RawParty::*Field>
void party_text(State& s, std::string_view text) {
    if (!s.doc.patentees.empty()) keep_first(s.doc.patentees.back().*Field, text);
}

template <std::string RawPriority::*Field>
void priority_text(State& s, std::string_view text) {
    if (!s.doc.priorities.empty()) keep_first(s.doc.priorities.back().*Field, text);
}

template <std::string RawDocument::*Field>
constexpr auto to = &store_first<State, Field>;

// appl-type is Chinese text here (发明专利 invention; 实用新型 / 外观设计 expected for
// utility models and designs), kept as printed.
Visit application_reference(State& s, const Element& e) {
    if (s.doc.declared_type.empty()) s.doc.declared_type = e.attribute("appl-type").value_or("");
    return Visit::descend;
}

Visit begin_applicant(State& s, const Element&) {
    s.doc.patentees.emplace_back();
    return Visit::descend;
}

Visit begin_priority(State& s, const Element&) {
    s.doc.priorities.emplace_back();
    return Visit::descend;
}

using Rule = PathRule<State>;

// Relative to cn-applicant. The address is one free-text line, postcode first. For
// grants the patentee (专利权人) stands in the applicant slots.
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

constexpr Rule kBibliographic[] = {
    {.path = "cn-publication-reference/document-id/country", .text = to<&RawDocument::office>},
    {.path = "cn-publication-reference/document-id/doc-number", .text = to<&RawDocument::number>},
    {.path = "cn-publication-reference/document-id/kind", .text = to<&RawDocument::kind>},
    {.path = "cn-publication-reference/document-id/date", .text = to<&RawDocument::date>},
    {.path = "application-reference", .enter = application_reference},
    {.path = "application-reference/document-id/doc-number", .text = to<&RawDocument::application_number>},
    {.path = "application-reference/document-id/date", .text = to<&RawDocument::application_date>},
    {.path = "invention-title", .text = to<&RawDocument::title>},
    {.path = "cn-parties/cn-applicants/cn-applicant", .enter = begin_applicant, .children = kApplicant},
    {.path = "priority-claims/priority-claim", .enter = begin_priority, .children = kPriority},
    {.path = "pct-or-regional-filing-data/document-id/doc-number", .text = to<&RawDocument::pct_application>},
};

constexpr Rule kDocument[] = {
    {.path = "cn-bibliographic-data", .children = kBibliographic},
};

}  // namespace

void read_cnipa_legacy(SafeReader& reader, RecordSink& records) {
    RawDocument doc;
    doc.line = reader.current_line();
    State state{doc};
    doc.format = std::string(kCnipaLegacyFormat);
    if (walk_rules<State>(reader, state, kDocument)) records.emit(std::move(doc));
}

}  // namespace patsub::xml
