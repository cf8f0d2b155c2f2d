// FormatSniffer: decides how a document is read from its root element alone (local name
// plus namespace URI), never from the file name: inbox files are renamed by people, and
// one USPTO weekly file mixes grants with sequence listings. Formats live in a registry
// so a new office format (EPO, DOCDB, OPS, JPO, KIPO, ST.96) is one more entry and one
// more reader file, without touching the existing readers.
#pragma once

#include "parsers/xml/guard/safe_parser.h"
#include "parsers/xml/readers/raw_document.h"
#include "parsers/xml/readers/record_sink.h"

#include <string>
#include <string_view>
#include <vector>

namespace patsub::xml {

// Reads one document whose reader is positioned on the root element and hands every
// record it finds to `records` as soon as the record is complete (zero, one or many per
// document). A failure of the document is left in reader.problem(); records emitted
// before it stay emitted (see grant_source_reader.cpp).
using FormatReadFn = void (*)(SafeReader& reader, RecordSink& records);

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

// Advances a fresh reader to the root element and sniffs it; the reader is left on the
// root, ready for entry->read.
SniffResult sniff(SafeReader& reader, const FormatRegistry& registry);

}  // namespace patsub::xml
