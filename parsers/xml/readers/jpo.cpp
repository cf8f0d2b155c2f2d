#include "parsers/xml/readers/jpo.h"

#include "parsers/xml/readers/path_rules.h"

#include <string>
#include <utility>

namespace patsub::xml {

namespace {

struct State {
    RawDocument doc;
    std::string root_office, kind_st16, kind_jp;
};

template <std::string RawDocument::*Field>
constexpr auto to = &store_first<State, Field>;

Visit root(State& s, const Element& e) {
    s.root_office = e.attribute("country").value_or("");
    s.kind_st16 = e.attribute("kind-of-st16").value_or("");
    s.kind_jp = e.attribute("kind-of-jp").value_or("");
    return Visit::descend;
}

using Rule = PathRule<State>;

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
    {.path = "parties/applicants-agents-article/applicants-agents/applicant", .enter = open_patentee<State>,
     .children = st36_addressbook_patentee<State>},
    {.path = "priority-claims/priority-claim", .enter = open_priority<State>, .children = st36_priority_claim<State>},
    {.path = "pct-or-regional-filing-data/document-id/doc-number", .text = to<&RawDocument::pct_application>},
};

constexpr Rule kDocument[] = {
    {.path = "", .enter = root},
    {.path = "bibliographic-data", .children = kBibliographic},
};

}  // namespace

std::unique_ptr<FormatReading> read_jpo(SafeReader& reader, RecordSink& records, const Element&) {
    return one_record_reading<State>(reader, records, kJpoFormat, kDocument, [](State& s) {
        if (s.doc.office.empty()) s.doc.office = std::move(s.root_office);
        s.doc.kind = !s.kind_st16.empty() ? std::move(s.kind_st16) : std::move(s.kind_jp);
    });
}

}  // namespace patsub::xml
