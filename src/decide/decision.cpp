#include "decide/decision.h"

namespace patsub {

std::string_view to_string(LineStatus s) {
    switch (s) {
        case LineStatus::payable: return "payable";
        case LineStatus::held: return "held";
        case LineStatus::rejected: return "rejected";
        case LineStatus::recovery: return "recovery";
    }
    return "rejected";
}

}  // namespace patsub
