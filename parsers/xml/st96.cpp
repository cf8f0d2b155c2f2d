#include "parsers/xml/st96.h"

#include "parsers/xml/path_rules.h"

#include <string>
#include <utility>
#include <vector>

namespace patsub::xml {

namespace {

// One party while its elements stream by: an organisation (EntityName) or a person
// (FirstName + LastName).
struct PartyDraft {
    std::string entity, first_name, last_name, address, city, country;
};

struct State {
    RawDocument& doc;
    PartyDraft party;
    std::vector<RawParty> applicants;  // patentees only when there is no assignee
};

template <std::string RawDocument::*Field>
constexpr auto to = &store_first<State, Field>;

template <std::string PartyDraft::*Field>
void party_text(State& s, std::string_view text) {
    keep_first(s.party.*Field, text);
}

RawParty finish_party(PartyDraft& draft) {
    RawParty party;
    if (!draft.entity.empty()) {
        party.name = std::move(draft.entity);
    } else {
        party.name = draft.first_name;
        if (!party.name.empty() && !draft.last_name.empty()) party.name += ' ';
        party.name += draft.last_name;
    }
    party.address = std::move(draft.address);
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

using Rule = PathRule<State>;

// Relative to pat:Assignee or pat:Applicant: com:PublicationContact (com:Contact in
// other ST.96 documents) holding com:Name and com:PostalAddressBag.
constexpr Rule kParty[] = {
    {.path = "PublicationContact/Name/EntityName", .text = party_text<&PartyDraft::entity>},
    {.path = "PublicationContact/Name/PersonName/PersonStructuredName/FirstName",
     .text = party_text<&PartyDraft::first_name>},
    {.path = "PublicationContact/Name/PersonName/PersonStructuredName/LastName",
     .text = party_text<&PartyDraft::last_name>},
    {.path = "PublicationContact/PostalAddressBag/PostalAddress/PostalStructuredAddress/AddressLineText",
     .text = party_text<&PartyDraft::address>},
    {.path = "PublicationContact/PostalAddressBag/PostalAddress/PostalStructuredAddress/CityName",
     .text = party_text<&PartyDraft::city>},
    {.path = "PublicationContact/PostalAddressBag/PostalAddress/PostalStructuredAddress/CountryCode",
     .text = party_text<&PartyDraft::country>},
    {.path = "Contact/Name/EntityName", .text = party_text<&PartyDraft::entity>},
    {.path = "Contact/Name/PersonName/PersonStructuredName/FirstName", .text = party_text<&PartyDraft::first_name>},
    {.path = "Contact/Name/PersonName/PersonStructuredName/LastName", .text = party_text<&PartyDraft::last_name>},
};

constexpr Rule kPriority[] = {
    {.path = "IPOfficeCode", .text = store_in_priority<State, &RawPriority::country>},
    {.path = "ApplicationNumber/ApplicationNumberText", .text = store_in_priority<State, &RawPriority::number>},
    {.path = "FilingDate", .text = store_in_priority<State, &RawPriority::date>},
};

// Relative to pat:BibliographicData. Only these exact paths are read: the related
// documents, citations and classifications hold many other identifications.
constexpr Rule kBibliographic[] = {
    {.path = "PatentPublicationIdentification/IPOfficeCode", .text = to<&RawDocument::office>},
    {.path = "PatentPublicationIdentification/PublicationNumber", .text = to<&RawDocument::number>},
    {.path = "PatentPublicationIdentification/PatentDocumentKindCode", .text = to<&RawDocument::kind>},
    {.path = "PatentPublicationIdentification/PublicationDate", .text = to<&RawDocument::date>},
    {.path = "ApplicationIdentification/ApplicationNumber/ApplicationNumberText",
     .text = to<&RawDocument::application_number>},
    {.path = "ApplicationIdentification/FilingDate", .text = to<&RawDocument::application_date>},
    {.path = "ApplicationIdentification/InventionSubjectMatterCategory", .text = to<&RawDocument::declared_type>},
    {.path = "InventionTitleBag/InventionTitle", .text = to<&RawDocument::title>},
    {.path = "PriorityClaimBag/PriorityClaim", .enter = open_priority<State>, .children = kPriority},
    {.path = "PartyBag/AssigneeBag/Assignee", .enter = begin_party, .exit = end_assignee, .children = kParty},
    {.path = "PartyBag/ApplicantBag/Applicant", .enter = begin_party, .exit = end_applicant, .children = kParty},
};

constexpr Rule kDocument[] = {
    {.path = "BibliographicData", .children = kBibliographic},
};

}  // namespace

void read_st96(SafeReader& reader, RecordSink& records) {
    RawDocument doc;
    doc.line = reader.current_line();
    doc.format = std::string(kSt96Format);
    State state{doc, {}, {}};
    if (!walk_rules<State>(reader, state, kDocument)) return;
    if (doc.patentees.empty()) doc.patentees = std::move(state.applicants);
    records.emit(std::move(doc));
}

}  // namespace patsub::xml
