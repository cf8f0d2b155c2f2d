#include "classify/classification.h"

namespace patsub {

Classification classify(const Grant& g, const KindTable& kinds, const PolicyVersion& groups) {
    Classification c;
    c.jurisdiction = groups.jurisdiction_of(g.office);
    if (const KindRule* rule = kinds.find(g.office, g.kind, g.date)) {
        c.known_kind = true;
        c.is_grant = rule->is_grant;
        c.kind_verified = rule->verified;
        c.type = rule->type;
        c.kind_note = rule->note;
    }
    return c;
}

}  // namespace patsub
