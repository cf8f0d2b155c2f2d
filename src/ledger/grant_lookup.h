// GrantLookup: finds the grants a person means by an identifier, in any form the
// contract accepts: a grant id (US11223344B2), a publication id with spaces, commas or
// without kind (US 11,223,344; EP 3 456 789 B1), or a CN application number in any
// written form (all CN grants of that application).
#pragma once

#include "ledger/ledger.h"

#include <string>
#include <vector>

namespace patsub::ledger {

struct SourceSighting {
    std::string path;
    int document = 0;
    long line = 0;
    std::int64_t batch_id = 0;
};

std::vector<std::string> find_grants(Ledger& ledger, const std::string& identifier);
std::vector<SourceSighting> sightings(Ledger& ledger, const std::string& grant_id);

}  // namespace patsub::ledger
