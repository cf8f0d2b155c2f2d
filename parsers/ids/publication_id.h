// Publication ids and document numbers: "US 11,223,344 B2", "EP 3 456 789 B1",
// "CN 114567890 B", "USD558902S1", "TW I800049 B" all reduce to office + canonical
// number + kind. Every entry point folds its text first (identifier_text.h), so
// "CN２１７０００１０１U" and "CN217<U+200B>000101U" are CN217000101U, and then requires
// the whole text to match: one office, the office's own letter series, ASCII digits
// within the office's length (office_numbering.h), one kind.
#pragma once

#include "parsers/ids/parsed.h"

#include <string>
#include <string_view>

namespace patsub::ids {

struct PublicationId {
    std::string office;  // two capital letters (WIPO ST.3)
    std::string number;  // canonical, see canonical_doc_number
    std::string kind;    // "" when the written id had none

    std::string canonical() const { return office + number + kind; }
};

// Removes spaces, commas and leading zeros; keeps a letter series (US D, PP, RE, H, T,
// X, AI; TW I, M, D; MO I, J, U) and drops the zeros after it:
// ("US","07864699") -> "7864699", ("US","D0558902") -> "D558902",
// ("US","PP018398") -> "PP18398", ("TW","M0641234") -> "M641234",
// ("EP","0874807") -> "874807", ("CN","115212463") unchanged.
// No validation: see parse_document_number.
std::string canonical_doc_number(std::string_view office, std::string_view number);

// "US 11,223,344 B2", "US11223344B2", "EP 3 456 789 B1", "CN 114567890 B",
// "USD558902S1", "USPP18398P2", "TWI800049B", "TW I800049 B", "MOJ001234B",
// "US 7864699" (no kind). Office is required; letters are capitals.
Parsed<PublicationId> parse_publication_id(std::string_view text);

// The three parts of a publication reference as an office prints them in XML, each
// folded and checked whole; case is ignored (offices print "cn" and "u" too).
// "CN" -> "CN"; ("US", "D0558902") -> "D558902"; "b2" -> "B2".
Parsed<std::string> parse_office(std::string_view printed);
Parsed<std::string> parse_document_number(std::string_view office, std::string_view printed);
Parsed<std::string> parse_kind(std::string_view printed);

}  // namespace patsub::ids
