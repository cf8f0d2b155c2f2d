#include "parsers/xml/readers/party_draft.h"

#include <utility>

namespace patsub::xml {

RawParty PartyDraft::finish() {
    RawParty party;
    if (!organisation.empty()) {
        party.name = std::move(organisation);
    } else if (!first_name.empty() || !last_name.empty()) {
        party.name = first_name;
        if (!party.name.empty() && !last_name.empty()) party.name += ' ';
        party.name += last_name;
    } else {
        party.name = std::move(name);
    }
    party.address = std::move(address);
    party.city = std::move(city);
    party.country = std::move(country);
    *this = PartyDraft{};
    return party;
}

}  // namespace patsub::xml
