#include "parsers/xml/readers/cnipa_legacy.h"

#include "parsers/xml/readers/path_rules.h"

#include <string>

namespace patsub::xml {

namespace {

struct State {
    RawDocument doc;
};

template <std::string RawDocument::*Field>
constexpr auto to = &store_first<State, Field>;

// appl-type is Chinese text here (发明专利 invention; 实用新型 / 外观设计 expected for
// utility models and designs), kept as printed.
Visit application_reference(State& s, const Element& e) {
    if (s.doc.declared_type.empty()) s.doc.declared_type = e.attribute("appl-type").value_or("");
    return Visit::descend;
}

using Rule = PathRule<State>;

constexpr Rule kBibliographic[] = {
    {.path = "cn-publication-reference/document-id/country", .text = to<&RawDocument::office>},
    {.path = "cn-publication-reference/document-id/doc-number", .text = to<&RawDocument::number>},
    {.path = "cn-publication-reference/document-id/kind", .text = to<&RawDocument::kind>},
    {.path = "cn-publication-reference/document-id/date", .text = to<&RawDocument::date>},
    {.path = "application-reference", .enter = application_reference},
    {.path = "application-reference/document-id/doc-number", .text = to<&RawDocument::application_number>},
    {.path = "application-reference/document-id/date", .text = to<&RawDocument::application_date>},
    {.path = "invention-title", .text = to<&RawDocument::title>},
    // For grants the patentee (专利权人) stands in the applicant slots; the address is one
    // free-text line, postcode first.
    {.path = "cn-parties/cn-applicants/cn-applicant", .enter = open_patentee<State>,
     .children = st36_addressbook_patentee<State>},
    {.path = "priority-claims/priority-claim", .enter = open_priority<State>, .children = st36_priority_claim<State>},
    {.path = "pct-or-regional-filing-data/document-id/doc-number", .text = to<&RawDocument::pct_application>},
};

constexpr Rule kDocument[] = {
    {.path = "cn-bibliographic-data", .children = kBibliographic},
};

}  // namespace

std::unique_ptr<FormatReading> read_cnipa_legacy(SafeReader& reader, RecordSink& records, const Element&) {
    return one_record_reading<State>(reader, records, kCnipaLegacyFormat, kDocument);
}

}  // namespace patsub::xml
