// Grant: one patent document as patsub understands it, whatever office or format it
// came from. Readers produce it (through the identifier normaliser), everything after
// the parsers consumes it. Identifiers in it are already in canonical form.
#pragma once

#include "model/date.h"

#include <optional>
#include <string>
#include <vector>

namespace patsub {

// A holder of the patent right (assignee, proprietor, 专利权人), as printed on the grant.
struct Party {
    std::string name;
    std::string address;  // free text as printed (street line, CN address text)
    std::string city;
    std::string country;  // WIPO ST.3 code where the document gives one
    // The same party's other printed forms (DOCDB gives docdb, docdba, epodoc and
    // original spellings); any of them may match the payee registry.
    std::vector<std::string> other_names;
};

// A Paris-convention priority claim. For CN the number is the canonical application
// number, with its check character when the citing office printed one.
struct Priority {
    std::string country;
    std::string number;
    std::optional<Date> date;
};

// Where a document was read: the inbox file, its 1-based position among the documents
// of a concatenated file, and the line its root element starts on.
struct SourcePosition {
    std::string file;
    int document = 1;
    long line = 0;
};

struct Grant {
    std::string office;  // WIPO ST.3 code of the publishing office
    std::string number;  // publication number, canonical (no padding; US letter prefix kept)
    std::string kind;    // kind code as published (B2, S1, U, ...)
    std::optional<Date> date;  // publication (grant) date

    std::string application_number;  // canonical; for CN "201510481495.9"
    std::optional<Date> application_date;

    std::string title;
    // The office's own statement of the right's type, as printed: USPTO appl-type
    // ("utility", "design", ...), CNIPA applType or appl-type ("发明专利", "10").
    std::string declared_type;

    std::vector<Party> patentees;  // in the order printed: order decides co-owned payments
    std::vector<Priority> priorities;
    std::string pct_application;  // "PCT/CN2008/071839"
    std::string family_id;        // DOCDB simple family, where the format gives it

    SourcePosition source;
};

// "US7864699B2", "USD558902S1", "CN114567890B": the grant id of contract.md.
std::string grant_id(const Grant& g);

}  // namespace patsub
