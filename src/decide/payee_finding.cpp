#include "decide/payee_finding.h"

#include "decide/name_key.h"

#include <fmt/format.h>

#include <algorithm>

namespace patsub {

bool looks_kunming(const Party& p, const PolicyVersion& v) {
    return std::any_of(v.kunming_markers.begin(), v.kunming_markers.end(), [&](const std::string& m) {
        return contains_marker(p.name, m) || contains_marker(p.address, m) || contains_marker(p.city, m);
    });
}

PayeeFinding find_payee(const Grant& g, const PayeeRegistry& payees, const PolicyVersion& v) {
    PayeeFinding f;
    for (const auto& p : g.patentees) {
        PayeeMatch m = payees.match(p);
        switch (m.kind) {
            case PayeeMatch::Kind::exact:
                if (!f.doubted) f.payee = m.payees.front();
                return f;
            case PayeeMatch::Kind::ambiguous:
                if (!f.doubted) {
                    f.doubt = m.kind;
                    f.candidates = std::move(m.payees);
                    f.doubted = &p;
                }
                return f;
            case PayeeMatch::Kind::near:
                if (!f.doubted) {
                    f.doubt = m.kind;
                    f.candidates = std::move(m.payees);
                    f.doubted = &p;
                }
                break;
            case PayeeMatch::Kind::none:
                if (!f.kunming_looking && looks_kunming(p, v)) f.kunming_looking = &p;
                break;
        }
    }
    return f;
}

std::string describe_candidates(const std::vector<const Payee*>& candidates) {
    std::string out;
    for (const Payee* p : candidates)
        out += fmt::format("{}{} {} (district {})", out.empty() ? "" : "; ", p->uscc, p->name, p->district);
    return out;
}

}  // namespace patsub
