// RawDocument: the bibliographic fields of one XML document exactly as the office
// printed them (trimmed text, no interpretation). A format reader fills it; the
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
    long line = 0;  // line of the root element within the source file
};

}  // namespace patsub::xml
