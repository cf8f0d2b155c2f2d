// Shared fixtures for rule tests: the shipped policy and kind table, and grants built
// the way readers would build them.
#pragma once

#include "classify/kind_table.h"
#include "model/grant.h"
#include "policy/policy.h"

#include <string>

namespace patsub::test {

inline const Policy& shipped_policy() {
    static const Policy p = Policy::load(PATSUB_SOURCE_DIR "/samples/policy/kunming-measure8.xml",
                                         PATSUB_SOURCE_DIR "/schemas/policy.xsd");
    return p;
}

inline const KindTable& shipped_kinds() {
    static const KindTable t = KindTable::load(PATSUB_SOURCE_DIR "/schemas/kind-codes.csv");
    return t;
}

inline Date day(const char* iso) { return *date_from_iso(iso); }

inline Grant grant(std::string office, std::string number, std::string kind, const char* date,
                   std::string patentee = "昆明滇池智能装备有限公司", std::string city = "昆明市") {
    Grant g;
    g.office = std::move(office);
    g.number = std::move(number);
    g.kind = std::move(kind);
    g.date = day(date);
    g.patentees.push_back(Party{std::move(patentee), "", std::move(city), g.office, {}});
    return g;
}

}  // namespace patsub::test
