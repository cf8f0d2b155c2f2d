// FormatSniffer: decides how a document is read from its root element alone (local name
// plus namespace URI), never from the file name: inbox files are renamed by people, and
// one USPTO weekly file mixes grants with sequence listings. Formats live in a registry
// so a new office format (EPO, DOCDB, OPS, JPO, KIPO, ST.96) is one more entry and one
// more reader file, without touching the existing readers.
#pragma once

#include "parsers/xml/guard/safe_parser.h"
#include "parsers/xml/readers/format_reading.h"
#include "parsers/xml/readers/raw_document.h"
#include "parsers/xml/readers/record_sink.h"

#include <string>
#include <string_view>
#include <vector>

namespace patsub::xml {

// The views must outlive the registry (string literals in practice).
struct FormatEntry {
    std::string_view root_name{};      // local name of the root element
    std::string_view namespace_uri{};  // "" = the root has no namespace
    std::string_view format{};         // reader name ("uspto-grant", ...) or what the skipped root is
    FormatReadFn read = nullptr;       // nullptr: a known root that is not a patent document
    std::string_view skip_reason{};    // why such a document is skipped
};

class FormatRegistry {
public:
    // Throws std::invalid_argument when the root + namespace pair is already registered.
    void add(FormatEntry entry);
    const FormatEntry* find(std::string_view root_name, std::string_view namespace_uri) const;
    const std::vector<FormatEntry>& entries() const { return entries_; }

private:
    std::vector<FormatEntry> entries_;
};

enum class SniffOutcome {
    read,     // a registered reader handles it
    skip,     // a known root that is not a patent document
    unknown,  // unregistered root: the document is refused
    failed,   // no root element could be read (see the reader's problem)
};

struct SniffResult {
    SniffOutcome outcome = SniffOutcome::unknown;
    const FormatEntry* entry = nullptr;  // set for read and skip
    std::string root_name;
    std::string namespace_uri;
    long root_line = 0;  // within the document

    // "<foo>" or "<foo> in namespace http://...", for messages.
    std::string describe_root() const;
};

SniffResult sniff_root(std::string_view root_name, std::string_view namespace_uri, const FormatRegistry& registry);

// Parses a fresh reader's document: sniffs its root element and, when a registered
// reader handles it, reads the whole document with that reader, handing its records to
// `records` (the reader's finish step is taken once the document parsed cleanly). A
// skipped or unknown root ends the parsing with the piece that holds it (libxml2 has
// still checked that piece, as xmlTextReader had before it returned the root).
// Whatever the outcome, reader.failed() tells whether the document failed; `failed`
// means it did so before its root element.
SniffResult sniff_and_read(SafeReader& reader, const FormatRegistry& registry, RecordSink& records);

}  // namespace patsub::xml
