#include "decide/rule_facts.h"

#include <stdexcept>

namespace patsub {

namespace {

std::string money_key(const char* what, const std::string& office, const std::string& number,
                      const std::string& clause, int round) {
    std::string key = std::string(what) + "|" + office + number + "|" + clause;
    // Round 1 keeps the key every ledger written before reading 16 already holds.
    if (round > 1) key += "|" + std::to_string(round);
    return key;
}

}  // namespace

std::string payment_key(const std::string& office, const std::string& number, const std::string& clause, int round) {
    return money_key("pay", office, number, clause, round);
}

std::string recovery_key(const std::string& office, const std::string& number, const std::string& clause, int round) {
    return money_key("recover", office, number, clause, round);
}

std::string recovery_key_for(const std::string& payment_event_key) {
    if (payment_event_key.rfind("pay|", 0) != 0)
        throw std::invalid_argument("'" + payment_event_key + "' is not the key of a grant payment");
    return "recover" + payment_event_key.substr(3);
}

std::string left_registry_key_for(const std::string& payment_event_key) {
    if (payment_event_key.rfind("pay|", 0) != 0 && payment_event_key.rfind("award|", 0) != 0)
        throw std::invalid_argument("'" + payment_event_key + "' is not the key of a payment or an award");
    return "left|" + payment_event_key;
}

std::string award_key(const std::string& uscc, const std::string& clause, int round) {
    std::string key = "award|" + uscc + "|" + clause;
    // Round 1 keeps the key every ledger written before reading 18 already holds.
    if (round > 1) key += "|" + std::to_string(round);
    return key;
}

}  // namespace patsub
