// PartyDraft: a party printed in parts (an organisation name, or a person's first and
// last names, and an address), as USPTO's addressbook and ST.96's Contact print them. The
// parts are gathered while the party's element is read, the first value of each part
// winning, and become one RawParty when it closes. Assignees are patentees; applicants
// only when the document names no assignee (an unassigned US patent belongs to its
// applicants), which the reader settles at the end.
#pragma once

#include "parsers/xml/readers/path_rules.h"

#include <string>
#include <string_view>

namespace patsub::xml {

struct PartyDraft {
    std::string organisation, first_name, last_name, name, address, city, country;

    // The organisation, else "first last", else the name as printed; the draft is left
    // empty for the next party.
    RawParty finish();
};

// Rule callbacks for a reader State with members `doc`, `party` (a PartyDraft) and
// `applicants` (std::vector<RawParty>).
template <class State>
Visit open_party(State& state, const Element&) {
    state.party = PartyDraft{};
    return Visit::descend;
}

template <class State, std::string PartyDraft::*Field>
void store_in_party(State& state, std::string_view text) {
    keep_first(state.party.*Field, text);
}

template <class State>
void close_assignee(State& state) {
    state.doc.patentees.push_back(state.party.finish());
}

template <class State>
void close_applicant(State& state) {
    state.applicants.push_back(state.party.finish());
}

}  // namespace patsub::xml
