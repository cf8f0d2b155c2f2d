#include "decide/family_keys.h"

#include <algorithm>
#include <cctype>

namespace patsub {

namespace {

std::string alnum_upper(const std::string& s) {
    std::string out;
    for (unsigned char c : s)
        if (std::isalnum(c)) out += static_cast<char>(std::toupper(c));
    return out;
}

// "PCT/CN2008/071839" and "PCTCN2008071839" alike; PCT numbers also turn up in priority
// lists (USPTO prints them under country CN).
bool is_pct(const std::string& number) { return alnum_upper(number).starts_with("PCT"); }

std::string application_key(const std::string& country, const std::string& number) {
    std::string core = alnum_upper(number);
    if (country == "CN") {
        // The canonical CN form is digits + '.' + check; the family core is the digits.
        const auto dot = number.find('.');
        core = alnum_upper(dot == std::string::npos ? number : number.substr(0, dot));
    }
    return "APP:" + country + ":" + core;
}

}  // namespace

std::vector<std::string> family_keys(const Grant& g) {
    std::vector<std::string> keys;
    if (!g.application_number.empty()) keys.push_back(application_key(g.office, g.application_number));
    for (const auto& p : g.priorities) {
        if (p.number.empty()) continue;
        keys.push_back(is_pct(p.number) ? "PCT:" + alnum_upper(p.number) : application_key(p.country, p.number));
    }
    if (!g.pct_application.empty()) keys.push_back("PCT:" + alnum_upper(g.pct_application));
    if (!g.family_id.empty()) keys.push_back("DOCDB:" + g.family_id);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

}  // namespace patsub
