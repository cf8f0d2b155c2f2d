// EpoExchange: the bibliographic vocabulary the EPO shares between DOCDB exchange files
// and OPS published-data responses (namespace http://www.epo.org/exchange). Both describe
// a publication as an exchange-document whose bibliographic-data gives every identifier
// in several forms: DOCDB marks the form on the reference (data-format="docdb" |
// "epodoc" | "original"), OPS on each document-id (document-id-type="..."). This file
// holds the rule tables and the record draft both readers stream into; the readers
// (docdb.cpp, ops.cpp) only say where records begin and end.
//
// Which form is kept (formats.md §3, §4):
// - publication, application, priorities: the docdb form; else epodoc (country split off
//   the front of the number: "US201615044813" -> US + 201615044813); else original
//   (without country); the exchange-document attributes fill what is still missing.
// - parties: the docdb names (DOCDB) or epodoc ones (OPS, "NAME [US]" split into name
//   and country), then docdba, then original; the other forms of the same @sequence go
//   to RawParty::names. Country: residence/country where given.
// - title: the English invention-title, else the first.
// - PCT: the application, else the first priority, that is an international application:
//   docdb form with kind W (DOCDB writes PCT/IL2022/050854 as IL 2022050854 W; printed
//   "IL2022050854", the shape of EP's B861), original "PCT/..." or epodoc
//   "WO2013US64552", as printed; the normaliser writes them all the PCT way.
// - family_id: exchange-document/@family-id (OPS also puts it on ops:family-member).
#pragma once

#include "parsers/xml/readers/path_rules.h"
#include "parsers/xml/readers/raw_document.h"
#include "parsers/xml/readers/record_sink.h"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace patsub::xml {

inline constexpr std::string_view kEpoExchangeNamespace = "http://www.epo.org/exchange";

// In order of preference.
enum class ExchangeForm : std::size_t { docdb = 0, epodoc = 1, docdba = 2, original = 3, other = 4 };
inline constexpr std::size_t kExchangeForms = 5;

struct ExchangeId {
    std::string country, number, kind, date;
};

// One identifier (publication, application or one priority) in each form seen.
struct FormedId {
    std::string sequence;  // priority-claim/@sequence ("" for publication and application)
    std::array<ExchangeId, kExchangeForms> forms{};
};

struct ExchangeParty {
    ExchangeForm form = ExchangeForm::other;
    std::string sequence, name, country;
};

// What has been read of the current record so far.
struct ExchangeDraft {
    long line = 0;
    std::string family_id;
    ExchangeId attributes;  // exchange-document/@country, @doc-number, @kind, @date-publ
    FormedId publication;
    FormedId application;
    std::vector<FormedId> priorities;
    // OPS family responses list a member's priority claims beside its exchange-document
    // as well as inside it; these are used only when the exchange-document gives none.
    std::vector<FormedId> member_priorities;
    std::vector<ExchangeParty> applicants;
    std::string title, title_lang;
};

struct ExchangeState {
    SafeReader& reader;
    RecordSink& records;
    std::string_view format;
    ExchangeDraft draft{};
    // Where the document-id being read goes, and the form its reference declared.
    FormedId* target = nullptr;
    ExchangeForm reference_form = ExchangeForm::other;
    ExchangeId* id = nullptr;
    std::string pending_lang{};
};

// Rules relative to an exchange-document (its bibliographic-data).
RuleTable<ExchangeState> exchange_document_rules();

// Rules relative to an OPS ops:family-member: the member's own publication-reference,
// application-reference and priority-claims, and its exchange-document when the
// response carries biblio.
RuleTable<ExchangeState> family_member_rules();

// Starts a record: clears the draft and takes the line of the element.
void begin_exchange_record(ExchangeState& state);

// Reads the attributes of an exchange-document (@family-id, @country, @doc-number,
// @kind, @date-publ) into the draft.
void read_exchange_document_attributes(ExchangeState& state, const Element& element);

// Builds the record from the draft, with the form preferences above, and emits it.
void emit_exchange_record(ExchangeState& state);

}  // namespace patsub::xml
