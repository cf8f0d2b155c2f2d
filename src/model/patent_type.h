// PatentType and Jurisdiction: the two axes on which measure 8 sets its amounts
// (clause = type x jurisdiction group). Their text forms are the ledger's vocabulary.
#pragma once

#include <optional>
#include <string_view>

namespace patsub {

enum class PatentType { invention, utility_model, design, other };

// CN: granted by CNIPA; A: US, CA, JP, KR, EP or a European country; B: any other
// country or region (HK, MO and TW included), as policy.md reads clauses 8.1-8.4.
enum class Jurisdiction { CN, A, B };

std::string_view to_string(PatentType t);
std::string_view to_string(Jurisdiction j);
std::optional<PatentType> patent_type_from(std::string_view text);
std::optional<Jurisdiction> jurisdiction_from(std::string_view text);

}  // namespace patsub
