#include "parsers/xml/uspto_grant.h"

#include "parsers/xml/path_rules.h"

#include <string>
#include <utility>
#include <vector>

namespace patsub::xml {

namespace {

// One assignee or applicant while its elements stream by. The DTDs allow the name group
// either inside <addressbook> or directly under <assignee>, and an applicant may repeat
// <addressbook>; the first value of each part wins.
struct PartyDraft {
    std::string orgname, first_name, last_name, name, street, city, country;
};

struct State {
    RawDocument& doc;
    PartyDraft party;
    std::vector<RawParty> applicants;  // patentees only when the patent has no assignee
};

template <std::string PartyDraft::*Field>
void party_text(State& s, std::string_view text) {
    keep_first(s.party.*Field, text);
}

template <std::string RawDocument::*Field>
constexpr auto to = &store_first<State, Field>;

RawParty finish_party(PartyDraft& draft) {
    RawParty party;
    if (!draft.orgname.empty()) {
        party.name = std::move(draft.orgname);
    } else if (!draft.first_name.empty() || !draft.last_name.empty()) {
        party.name = draft.first_name;
        if (!party.name.empty() && !draft.last_name.empty()) party.name += ' ';
        party.name += draft.last_name;
    } else {
        party.name = std::move(draft.name);
    }
    party.address = std::move(draft.street);
    party.city = std::move(draft.city);
    party.country = std::move(draft.country);
    draft = PartyDraft{};
    return party;
}

Visit begin_party(State& s, const Element&) {
    s.party = PartyDraft{};
    return Visit::descend;
}

void end_assignee(State& s) { s.doc.patentees.push_back(finish_party(s.party)); }
void end_applicant(State& s) { s.applicants.push_back(finish_party(s.party)); }

Visit application_reference(State& s, const Element& e) {
    if (s.doc.declared_type.empty()) s.doc.declared_type = e.attribute("appl-type").value_or("");
    return Visit::descend;
}

using Rule = PathRule<State>;

// Relative to <assignee>, <applicant> (v4.0–4.2) or <us-applicant> (v4.3+).
constexpr Rule kParty[] = {
    {.path = "orgname", .text = party_text<&PartyDraft::orgname>},
    {.path = "first-name", .text = party_text<&PartyDraft::first_name>},
    {.path = "last-name", .text = party_text<&PartyDraft::last_name>},
    {.path = "name", .text = party_text<&PartyDraft::name>},
    {.path = "addressbook/orgname", .text = party_text<&PartyDraft::orgname>},
    {.path = "addressbook/first-name", .text = party_text<&PartyDraft::first_name>},
    {.path = "addressbook/last-name", .text = party_text<&PartyDraft::last_name>},
    {.path = "addressbook/name", .text = party_text<&PartyDraft::name>},
    {.path = "addressbook/address/street", .text = party_text<&PartyDraft::street>},
    {.path = "addressbook/address/city", .text = party_text<&PartyDraft::city>},
    {.path = "addressbook/address/country", .text = party_text<&PartyDraft::country>},
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
    {.path = "assignees/assignee", .enter = begin_party, .exit = end_assignee, .children = kParty},
    {.path = "parties/applicants/applicant", .enter = begin_party, .exit = end_applicant, .children = kParty},
    {.path = "us-parties/us-applicants/us-applicant", .enter = begin_party, .exit = end_applicant, .children = kParty},
    {.path = "priority-claims/priority-claim", .enter = open_priority<State>, .children = st36_priority_claim<State>},
    {.path = "pct-or-regional-filing-data/document-id/doc-number", .text = to<&RawDocument::pct_application>},
};

constexpr Rule kGrant[] = {
    {.path = "us-bibliographic-data-grant", .children = kBibliographic},
};

}  // namespace

void read_uspto_grant(SafeReader& reader, RecordSink& records) {
    RawDocument doc;
    doc.line = reader.current_line();
    State state{doc, {}, {}};
    doc.format = std::string(kUsptoGrantFormat);
    if (!walk_rules<State>(reader, state, kGrant)) return;
    // An unassigned patent belongs to its applicants (the inventors, before AIA).
    if (doc.patentees.empty()) doc.patentees = std::move(state.applicants);
    records.emit(std::move(doc));
}

}  // namespace patsub::xml
