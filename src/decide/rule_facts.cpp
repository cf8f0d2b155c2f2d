#include "decide/rule_facts.h"

namespace patsub {

std::string payment_key(const std::string& office, const std::string& number, const std::string& clause) {
    return "pay|" + office + number + "|" + clause;
}

std::string recovery_key(const std::string& office, const std::string& number, const std::string& clause) {
    return "recover|" + office + number + "|" + clause;
}

std::string award_key(const std::string& uscc, const std::string& clause) { return "award|" + uscc + "|" + clause; }

}  // namespace patsub
