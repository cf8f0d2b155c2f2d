#include "parsers/grant_normaliser.h"

#include "parsers/ids/cn_application_number.h"
#include "parsers/ids/patent_date.h"
#include "parsers/ids/publication_id.h"
#include "parsers/ids/trim.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace patsub {

namespace {

std::string upper_trimmed(std::string_view s) {
    std::string out(ids::trim(s));
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return out;
}

std::string without_spaces(std::string_view s) {
    std::string out;
    for (char c : s)
        if (!std::isspace(static_cast<unsigned char>(c))) out += c;
    return out;
}

// A CN priority cited by a foreign office often lacks its check digit ("2007 1 0146763")
// or is not an application number at all (USPTO lists "PCT/CN2008/071839" under CN).
// The canonical core links families; anything else is kept as printed, spaces removed.
std::string priority_number(const std::string& country, const std::string& printed) {
    if (upper_trimmed(country) == "CN") {
        if (auto n = ids::parse_cn_application_number(printed, ids::CheckDigit::optional)) return n->canonical();
    }
    return without_spaces(printed);
}

}  // namespace

ids::Parsed<Grant> normalise(const xml::RawDocument& raw, SourcePosition where) {
    using R = ids::Parsed<Grant>;
    Grant g;
    g.source = std::move(where);
    g.office = upper_trimmed(raw.office);
    if (g.office.size() != 2) return R::fail(fmt::format("no office code (found '{}')", raw.office));
    g.number = ids::canonical_doc_number(g.office, raw.number);
    if (g.number.empty()) return R::fail("no publication number");
    g.kind = upper_trimmed(raw.kind);
    if (g.kind.empty()) return R::fail("no kind code");

    auto date = ids::parse_patent_date(raw.date);
    if (!date) return R::fail(fmt::format("publication date '{}': {}", raw.date, date.error));
    g.date = *date;

    if (g.office == "CN" && !raw.application_number.empty()) {
        auto app = ids::parse_cn_application_number(raw.application_number);
        if (!app) return R::fail(fmt::format("application number '{}': {}", raw.application_number, app.error));
        g.application_number = app->canonical();
    } else {
        g.application_number = without_spaces(raw.application_number);
    }
    if (!raw.application_date.empty()) {
        auto d = ids::parse_patent_date(raw.application_date);
        if (!d) return R::fail(fmt::format("application date '{}': {}", raw.application_date, d.error));
        g.application_date = *d;
    }

    g.title = raw.title;
    g.declared_type = raw.declared_type;
    for (const auto& p : raw.patentees)
        g.patentees.push_back(Party{p.name, p.address, p.city, upper_trimmed(p.country)});
    for (const auto& p : raw.priorities) {
        Priority pr{upper_trimmed(p.country), priority_number(p.country, p.number), std::nullopt};
        if (auto d = ids::parse_patent_date(p.date)) pr.date = *d;
        g.priorities.push_back(std::move(pr));
    }
    g.pct_application = without_spaces(raw.pct_application);
    g.family_id = raw.family_id;
    return R::ok(std::move(g));
}

}  // namespace patsub
