#include "model/patent_type.h"

namespace patsub {

std::string_view to_string(PatentType t) {
    switch (t) {
        case PatentType::invention: return "invention";
        case PatentType::utility_model: return "utility_model";
        case PatentType::design: return "design";
        case PatentType::other: return "other";
    }
    return "other";
}

std::string_view to_string(Jurisdiction j) {
    switch (j) {
        case Jurisdiction::CN: return "CN";
        case Jurisdiction::A: return "A";
        case Jurisdiction::B: return "B";
    }
    return "B";
}

std::optional<PatentType> patent_type_from(std::string_view t) {
    if (t == "invention") return PatentType::invention;
    if (t == "utility_model") return PatentType::utility_model;
    if (t == "design") return PatentType::design;
    if (t == "other") return PatentType::other;
    return std::nullopt;
}

std::optional<Jurisdiction> jurisdiction_from(std::string_view t) {
    if (t == "CN") return Jurisdiction::CN;
    if (t == "A") return Jurisdiction::A;
    if (t == "B") return Jurisdiction::B;
    return std::nullopt;
}

}  // namespace patsub
