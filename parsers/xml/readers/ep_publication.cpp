#include "parsers/xml/readers/ep_publication.h"

#include "parsers/xml/readers/path_rules.h"

#include <string>
#include <utility>
#include <vector>

namespace patsub::xml {

namespace {

struct State {
    RawDocument doc;
    std::string root_office;
    std::vector<RawParty> applicants;  // B711: patentees only when there is no B731
    std::string title_lang;            // language of the last B541
    bool english_title = false;
};

template <std::string RawDocument::*Field>
constexpr auto to = &store_first<State, Field>;

// B300 is a flat repetition of B310 (number), B320 (date), B330 (country) with no
// element per claim: a field that the last claim already has starts the next claim.
template <std::string RawPriority::*Field>
void priority_text(State& s, std::string_view text) {
    auto& claims = s.doc.priorities;
    if (claims.empty() || !(claims.back().*Field).empty()) claims.emplace_back();
    claims.back().*Field = std::string(text);
}

// B540 alternates B541 (language) and B542 (title) in de/en/fr; @lang of the document
// may be de or fr, so the English title is picked by its B541.
void title_language(State& s, std::string_view text) { s.title_lang.assign(text); }

void title_text(State& s, std::string_view text) {
    if (s.english_title || text.empty()) return;
    if (s.doc.title.empty() || s.title_lang == "en") s.doc.title.assign(text);
    s.english_title = s.title_lang == "en";
}

Visit begin_proprietor(State& s, const Element&) {
    s.doc.patentees.emplace_back();
    return Visit::descend;
}

Visit begin_applicant(State& s, const Element&) {
    s.applicants.emplace_back();
    return Visit::descend;
}

template <std::string RawParty::*Field>
void proprietor_text(State& s, std::string_view text) {
    if (!s.doc.patentees.empty()) keep_first(s.doc.patentees.back().*Field, text);
}

template <std::string RawParty::*Field>
void applicant_text(State& s, std::string_view text) {
    if (!s.applicants.empty()) keep_first(s.applicants.back().*Field, text);
}

using Rule = PathRule<State>;

// Relative to B731 / B711. Addresses keep the office's embedded line breaks.
constexpr Rule kProprietor[] = {
    {.path = "snm", .text = proprietor_text<&RawParty::name>},
    {.path = "adr/str", .text = proprietor_text<&RawParty::address>},
    {.path = "adr/city", .text = proprietor_text<&RawParty::city>},
    {.path = "adr/ctry", .text = proprietor_text<&RawParty::country>},
};

constexpr Rule kApplicant[] = {
    {.path = "snm", .text = applicant_text<&RawParty::name>},
    {.path = "adr/str", .text = applicant_text<&RawParty::address>},
    {.path = "adr/city", .text = applicant_text<&RawParty::city>},
    {.path = "adr/ctry", .text = applicant_text<&RawParty::country>},
};

// Relative to SDOBI.
constexpr Rule kBibliographic[] = {
    {.path = "B100/B110", .text = to<&RawDocument::number>},
    {.path = "B100/B130", .text = to<&RawDocument::kind>},
    {.path = "B100/B140/date", .text = to<&RawDocument::date>},
    {.path = "B100/B190", .text = to<&RawDocument::office>},
    {.path = "B200/B210", .text = to<&RawDocument::application_number>},
    {.path = "B200/B220/date", .text = to<&RawDocument::application_date>},
    {.path = "B300/B310", .text = priority_text<&RawPriority::number>},
    {.path = "B300/B320/date", .text = priority_text<&RawPriority::date>},
    {.path = "B300/B330/ctry", .text = priority_text<&RawPriority::country>},
    {.path = "B500/B540/B541", .text = title_language},
    {.path = "B500/B540/B542", .text = title_text},
    {.path = "B700/B730/B731", .enter = begin_proprietor, .children = kProprietor},
    {.path = "B700/B710/B711", .enter = begin_applicant, .children = kApplicant},
    {.path = "B800/B860/B861/dnum/anum", .text = to<&RawDocument::pct_application>},
};

Visit root(State& s, const Element& e) {
    s.root_office = e.attribute("country").value_or("");
    return Visit::descend;
}

constexpr Rule kDocument[] = {
    {.path = "", .enter = root},
    {.path = "SDOBI", .children = kBibliographic},
};

}  // namespace

std::unique_ptr<FormatReading> read_ep_publication(SafeReader& reader, RecordSink& records, const Element&) {
    return one_record_reading<State>(reader, records, kEpPublicationFormat, kDocument, [](State& s) {
        if (s.doc.office.empty()) s.doc.office = std::move(s.root_office);
        // On application publications the B730 slot is empty and the applicant (B711) is
        // who the right will belong to.
        if (s.doc.patentees.empty()) s.doc.patentees = std::move(s.applicants);
    });
}

}  // namespace patsub::xml
