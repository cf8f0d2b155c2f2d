#include "parsers/xml/readers/uspto_grant.h"

#include "parsers/xml/readers/party_draft.h"
#include "parsers/xml/readers/path_rules.h"

#include <string>
#include <utility>
#include <vector>

namespace patsub::xml {

namespace {

struct State {
    RawDocument doc;
    PartyDraft party;
    std::vector<RawParty> applicants;  // patentees only when the patent has no assignee
};

template <std::string RawDocument::*Field>
constexpr auto to = &store_first<State, Field>;

Visit application_reference(State& s, const Element& e) {
    if (s.doc.declared_type.empty()) s.doc.declared_type = e.attribute("appl-type").value_or("");
    return Visit::descend;
}

using Rule = PathRule<State>;

// Relative to <assignee>, <applicant> (v4.0–4.2) or <us-applicant> (v4.3+).
constexpr Rule kParty[] = {
    {.path = "orgname", .text = store_in_party<State, &PartyDraft::organisation>},
    {.path = "first-name", .text = store_in_party<State, &PartyDraft::first_name>},
    {.path = "last-name", .text = store_in_party<State, &PartyDraft::last_name>},
    {.path = "name", .text = store_in_party<State, &PartyDraft::name>},
    {.path = "addressbook/orgname", .text = store_in_party<State, &PartyDraft::organisation>},
    {.path = "addressbook/first-name", .text = store_in_party<State, &PartyDraft::first_name>},
    {.path = "addressbook/last-name", .text = store_in_party<State, &PartyDraft::last_name>},
    {.path = "addressbook/name", .text = store_in_party<State, &PartyDraft::name>},
    {.path = "addressbook/address/street", .text = store_in_party<State, &PartyDraft::address>},
    {.path = "addressbook/address/city", .text = store_in_party<State, &PartyDraft::city>},
    {.path = "addressbook/address/country", .text = store_in_party<State, &PartyDraft::country>},
};

// Relative to us-bibliographic-data-grant. Only these exact paths are read: the many
// other document-ids (references-cited, us-related-documents, ...) never match.
constexpr Rule kBibliographic[] = {
    {.path = "publication-reference/document-id/country", .text = to<&RawDocument::office>},
    {.path = "publication-reference/document-id/doc-number", .text = to<&RawDocument::number>},
    {.path = "publication-reference/document-id/kind", .text = to<&RawDocument::kind>},
    {.path = "publication-reference/document-id/date", .text = to<&RawDocument::date>},
    {.path = "application-reference", .enter = application_reference},
    {.path = "application-reference/document-id/doc-number", .text = to<&RawDocument::application_number>},
    {.path = "application-reference/document-id/date", .text = to<&RawDocument::application_date>},
    {.path = "invention-title", .text = to<&RawDocument::title>},
    {.path = "assignees/assignee", .enter = open_party<State>, .exit = close_assignee<State>, .children = kParty},
    {.path = "parties/applicants/applicant", .enter = open_party<State>, .exit = close_applicant<State>, .children = kParty},
    {.path = "us-parties/us-applicants/us-applicant", .enter = open_party<State>, .exit = close_applicant<State>, .children = kParty},
    {.path = "priority-claims/priority-claim", .enter = open_priority<State>, .children = st36_priority_claim<State>},
    {.path = "pct-or-regional-filing-data/document-id/doc-number", .text = to<&RawDocument::pct_application>},
};

constexpr Rule kGrant[] = {
    {.path = "us-bibliographic-data-grant", .children = kBibliographic},
};

}  // namespace

std::unique_ptr<FormatReading> read_uspto_grant(SafeReader& reader, RecordSink& records, const Element&) {
    return one_record_reading<State>(reader, records, kUsptoGrantFormat, kGrant, [](State& s) {
        // An unassigned patent belongs to its applicants (the inventors, before AIA).
        if (s.doc.patentees.empty()) s.doc.patentees = std::move(s.applicants);
    });
}

}  // namespace patsub::xml
