#include "model/grant.h"

namespace patsub {

std::string grant_id(const Grant& g) { return g.office + g.number + g.kind; }

}  // namespace patsub
