#include "parsers/xml/readers/st96.h"

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
    std::vector<RawParty> applicants;  // patentees only when there is no assignee
};

template <std::string RawDocument::*Field>
constexpr auto to = &store_first<State, Field>;

using Rule = PathRule<State>;

// Relative to pat:Assignee or pat:Applicant: com:PublicationContact (com:Contact in
// other ST.96 documents) holding com:Name and com:PostalAddressBag.
constexpr Rule kParty[] = {
    {.path = "PublicationContact/Name/EntityName", .text = store_in_party<State, &PartyDraft::organisation>},
    {.path = "PublicationContact/Name/PersonName/PersonStructuredName/FirstName",
     .text = store_in_party<State, &PartyDraft::first_name>},
    {.path = "PublicationContact/Name/PersonName/PersonStructuredName/LastName",
     .text = store_in_party<State, &PartyDraft::last_name>},
    {.path = "PublicationContact/PostalAddressBag/PostalAddress/PostalStructuredAddress/AddressLineText",
     .text = store_in_party<State, &PartyDraft::address>},
    {.path = "PublicationContact/PostalAddressBag/PostalAddress/PostalStructuredAddress/CityName",
     .text = store_in_party<State, &PartyDraft::city>},
    {.path = "PublicationContact/PostalAddressBag/PostalAddress/PostalStructuredAddress/CountryCode",
     .text = store_in_party<State, &PartyDraft::country>},
    {.path = "Contact/Name/EntityName", .text = store_in_party<State, &PartyDraft::organisation>},
    {.path = "Contact/Name/PersonName/PersonStructuredName/FirstName", .text = store_in_party<State, &PartyDraft::first_name>},
    {.path = "Contact/Name/PersonName/PersonStructuredName/LastName", .text = store_in_party<State, &PartyDraft::last_name>},
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
    {.path = "PartyBag/AssigneeBag/Assignee", .enter = open_party<State>, .exit = close_assignee<State>, .children = kParty},
    {.path = "PartyBag/ApplicantBag/Applicant", .enter = open_party<State>, .exit = close_applicant<State>, .children = kParty},
};

constexpr Rule kDocument[] = {
    {.path = "BibliographicData", .children = kBibliographic},
};

}  // namespace

std::unique_ptr<FormatReading> read_st96(SafeReader& reader, RecordSink& records, const Element&) {
    return one_record_reading<State>(reader, records, kSt96Format, kDocument, [](State& s) {
        if (s.doc.patentees.empty()) s.doc.patentees = std::move(s.applicants);
    });
}

}  // namespace patsub::xml
