// RawDocument: the bibliographic fields of one patent record exactly as the office
// printed them (trimmed text, no interpretation). A record is one XML document for most
// formats, one exchange-document of a DOCDB bulk file or one item of an OPS or KIPRIS
// response for the multi-record ones (see record_sink.h). A format reader fills it; the
// identifier normaliser (parsers/grant_normaliser) turns it into a model Grant.
// Keeping the two apart lets readers stay pure XML plumbing and puts every identifier
// rule in one place.
#pragma once

#include <string>
#include <vector>

namespace patsub::xml {

struct RawParty {
    std::string name;        // orgname, or "<first-name> <last-name>" for a person
    std::string address;     // street / free-text address line
    std::string city;
    std::string country;
    // The same party's name in the record's other forms, as printed: DOCDB and OPS give
    // each party once per data-format (docdb, docdba, epodoc, original); `name` is the
    // preferred form and these are the rest, matched by the office's @sequence. For
    // matching payees under another spelling; empty for one-form formats.
    std::vector<std::string> names;
};

struct RawPriority {
    std::string country;
    std::string number;
    std::string date;
};

struct RawDocument {
    std::string format;  // reader that produced it: "uspto-grant", "cnipa-business", "cnipa-legacy", ...
    std::string office;
    std::string number;
    std::string kind;
    std::string date;  // as printed, usually YYYYMMDD
    std::string application_number;
    std::string application_date;
    std::string title;
    std::string declared_type;  // US appl-type, CN applType / appl-type (as printed)
    std::vector<RawParty> patentees;
    std::vector<RawPriority> priorities;
    std::string pct_application;
    std::string family_id;
    long line = 0;  // line of the record's first element (the root, for one-record formats) in the file
    int record = 1;  // 1-based position among the records of its XML document
};

}  // namespace patsub::xml
