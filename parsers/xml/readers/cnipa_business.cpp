#include "parsers/xml/readers/cnipa_business.h"

#include "parsers/xml/readers/path_rules.h"

#include <array>
#include <string>
#include <utility>
#include <vector>

namespace patsub::xml {

namespace {

// CNIPA prints every reference twice: dataFormat="original" (application number as
// 201510481495.9) and "standard" (102015000481495). We keep what the office printed in
// its own form, and fall back to any other form only when there is no original one.
enum Form : std::size_t { original = 0, other = 1 };

Form form_of(const Element& e) {
    const auto format = e.attribute("dataFormat");
    return (!format || *format == "original") ? original : other;
}

struct Reference {
    std::string office, number, kind, date, type;
};

struct State {
    RawDocument doc;
    Form form = original;
    std::array<Reference, 2> publication{};
    std::array<Reference, 2> application{};
    std::array<std::vector<RawParty>, 2> applicants{};
};

// Unused address parts are filled with the literal "0" (base:AddressCity, base:Street, ...).
std::string_view unless_zero(std::string_view text) { return text == "0" ? std::string_view() : text; }

template <std::string Reference::*Field>
void publication_text(State& s, std::string_view text) {
    keep_first(s.publication[s.form].*Field, text);
}

template <std::string Reference::*Field>
void application_text(State& s, std::string_view text) {
    keep_first(s.application[s.form].*Field, text);
}

template <std::string RawParty::*Field>
void party_text(State& s, std::string_view text) {
    auto& parties = s.applicants[s.form];
    if (!parties.empty()) keep_first(parties.back().*Field, unless_zero(text));
}

template <std::string RawDocument::*Field>
constexpr auto to = &store_first<State, Field>;

Visit publication_reference(State& s, const Element& e) {
    s.form = form_of(e);
    return Visit::descend;
}

Visit application_reference(State& s, const Element& e) {
    s.form = form_of(e);
    keep_first(s.application[s.form].type, e.attribute("applType").value_or(""));
    return Visit::descend;
}

Visit begin_applicant(State& s, const Element& e) {
    s.form = form_of(e);
    s.applicants[s.form].emplace_back();
    return Visit::descend;
}

using Rule = PathRule<State>;

constexpr Rule kPublication[] = {
    {.path = "DocumentID/WIPOST3Code", .text = publication_text<&Reference::office>},
    {.path = "DocumentID/DocNumber", .text = publication_text<&Reference::number>},
    {.path = "DocumentID/Kind", .text = publication_text<&Reference::kind>},
    {.path = "DocumentID/Date", .text = publication_text<&Reference::date>},
};

constexpr Rule kApplication[] = {
    {.path = "DocumentID/DocNumber", .text = application_text<&Reference::number>},
    {.path = "DocumentID/Date", .text = application_text<&Reference::date>},
};

// Relative to business:Applicant. For grants CNIPA lists the patentee (专利权人) in the
// applicant slots; no separate patentee element has been seen.
constexpr Rule kApplicant[] = {
    {.path = "AddressBook/Name", .text = party_text<&RawParty::name>},
    {.path = "AddressBook/Address/Text", .text = party_text<&RawParty::address>},
    {.path = "AddressBook/Address/City", .text = party_text<&RawParty::city>},
    {.path = "AddressBook/Address/WIPOST3Code", .text = party_text<&RawParty::country>},
};

// Not seen in any sample (all are domestic filings): names follow the ST.96 style of the
// rest of the schema, with and without a DocumentID wrapper.
constexpr Rule kPriority[] = {
    {.path = "WIPOST3Code", .text = store_in_priority<State, &RawPriority::country>},
    {.path = "DocNumber", .text = store_in_priority<State, &RawPriority::number>},
    {.path = "Date", .text = store_in_priority<State, &RawPriority::date>},
    {.path = "DocumentID/WIPOST3Code", .text = store_in_priority<State, &RawPriority::country>},
    {.path = "DocumentID/DocNumber", .text = store_in_priority<State, &RawPriority::number>},
    {.path = "DocumentID/Date", .text = store_in_priority<State, &RawPriority::date>},
};

constexpr Rule kBibliographic[] = {
    {.path = "PublicationReference", .enter = publication_reference, .children = kPublication},
    {.path = "ApplicationReference", .enter = application_reference, .children = kApplication},
    {.path = "InventionTitle", .text = to<&RawDocument::title>},
    {.path = "Parties/ApplicantDetails/Applicant", .enter = begin_applicant, .children = kApplicant},
    {.path = "PriorityClaimDetails/PriorityClaim", .enter = open_priority<State>, .children = kPriority},
    // Unverified guesses, see kPriority.
    {.path = "PCTApplicationData/DocumentID/DocNumber", .text = to<&RawDocument::pct_application>},
    {.path = "PCTOrRegionalFilingData/DocumentID/DocNumber", .text = to<&RawDocument::pct_application>},
};

// Design grants carry their own block (DesignBibliographicData) with DesignTitle and the
// applicants directly under it, as third-party CNIPA parsers read it; no real design
// grant was available to check, so both placements of the applicants are accepted.
constexpr Rule kDesignBibliographic[] = {
    {.path = "PublicationReference", .enter = publication_reference, .children = kPublication},
    {.path = "ApplicationReference", .enter = application_reference, .children = kApplication},
    {.path = "DesignTitle", .text = to<&RawDocument::title>},
    {.path = "ApplicantDetails/Applicant", .enter = begin_applicant, .children = kApplicant},
    {.path = "Parties/ApplicantDetails/Applicant", .enter = begin_applicant, .children = kApplicant},
    {.path = "PriorityClaimDetails/PriorityClaim", .enter = open_priority<State>, .children = kPriority},
};

constexpr Rule kDocument[] = {
    {.path = "BibliographicData", .children = kBibliographic},
    {.path = "DesignBibliographicData", .children = kDesignBibliographic},
};

const Reference& preferred(const std::array<Reference, 2>& forms) {
    return forms[original].number.empty() && !forms[other].number.empty() ? forms[other] : forms[original];
}

}  // namespace

std::unique_ptr<FormatReading> read_cnipa_business(SafeReader& reader, RecordSink& records, const Element&) {
    return one_record_reading<State>(reader, records, kCnipaBusinessFormat, kDocument, [](State& s) {
        const Reference& publication = preferred(s.publication);
        s.doc.office = publication.office;
        s.doc.number = publication.number;
        s.doc.kind = publication.kind;
        s.doc.date = publication.date;

        const Reference& application = preferred(s.application);
        s.doc.application_number = application.number;
        s.doc.application_date = application.date;
        s.doc.declared_type = application.type;

        s.doc.patentees = std::move(s.applicants[original].empty() ? s.applicants[other] : s.applicants[original]);
    });
}

}  // namespace patsub::xml
