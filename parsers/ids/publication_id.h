// Publication ids and document numbers: "US 11,223,344 B2", "EP 3 456 789 B1",
// "CN 114567890 B", "USD558902S1" all reduce to office + canonical number + kind.
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

// Removes spaces, commas and leading zeros; keeps a US letter prefix
// (D, PP, RE, H, T, X, AI) and drops the zeros after it:
// ("US","07864699") -> "7864699", ("US","D0558902") -> "D558902",
// ("US","PP018398") -> "PP18398", ("EP","0874807") -> "874807", ("CN","115212463") unchanged.
std::string canonical_doc_number(std::string_view office, std::string_view number);

// "US 11,223,344 B2", "US11223344B2", "EP 3 456 789 B1", "CN 114567890 B",
// "USD558902S1", "USPP18398P2", "US 7864699" (no kind). Office is required.
Parsed<PublicationId> parse_publication_id(std::string_view text);

}  // namespace patsub::ids
