// Classification: what a Grant is for measure 8: a grant or not, which patent type,
// which jurisdiction group. Made from the kind-code table and the policy's groups;
// decides nothing about payment.
#pragma once

#include "classify/kind_table.h"
#include "model/grant.h"
#include "model/patent_type.h"
#include "policy/policy.h"

#include <string>

namespace patsub {

struct Classification {
    bool known_kind = false;  // false: the table does not know office + kind on that date
    bool is_grant = false;
    bool kind_verified = true;  // false: the table's row is unverified (held kind_unverified)
    PatentType type = PatentType::other;
    Jurisdiction jurisdiction = Jurisdiction::B;
    std::string kind_note;  // the table's words for the document type
};

Classification classify(const Grant& g, const KindTable& kinds, const PolicyVersion& groups);

}  // namespace patsub
