// Family keys: what makes two grants "the same patent" under clause 8.5 (policy.md
// reading 7): a shared priority application (a CN priority cited without its check
// digit included), the same PCT application, the same DOCDB family id. A grant's own
// application counts as a priority key too, so the CN grant whose application a US
// grant claims joins that US grant's family.
#pragma once

#include "model/grant.h"

#include <string>
#include <vector>

namespace patsub {

// Keys such as "APP:CN:201910123456" (check character dropped: foreign offices often
// omit it), "APP:US:12840608", "PCT:CN2008071839", "DOCDB:23011249". Sorted, unique.
std::vector<std::string> family_keys(const Grant& g);

}  // namespace patsub
