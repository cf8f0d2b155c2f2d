#include "parsers/grant_normaliser.h"

#include "parsers/ids/cn_application_number.h"
#include "parsers/ids/grant_id.h"
#include "parsers/ids/identifier_text.h"
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

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool all_capitals(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// JPO and KIPO print application numbers with hyphens between type, year and serial
// ("2007-290922", "10-2013-0033547"); DOCDB, KIPRIS and the JPO gazette print the same
// digits without. Dropping the hyphens lets the forms compare equal. Anything that is
// not digits and hyphens (an era-prefixed JP number) is kept as printed, spaces removed.
std::string application_number(std::string_view country, std::string_view printed) {
    std::string compact = without_spaces(printed);
    if (country != "JP" && country != "KR") return compact;
    std::string digits;
    for (char c : compact)
        if (c != '-') digits += c;
    return all_digits(digits) ? digits : compact;
}

// A CN priority cited by a foreign office often lacks its check digit ("2007 1 0146763")
// or is not an application number at all (USPTO lists "PCT/CN2008/071839" under CN).
// The canonical core links families; anything else is kept as printed, spaces removed.
std::string priority_number(const std::string& country, const std::string& printed) {
    const std::string office = upper_trimmed(country);
    if (office == "CN") {
        if (auto n = ids::parse_cn_application_number(printed, ids::CheckDigit::optional)) return n->canonical();
    }
    return application_number(office, printed);
}

// International applications are printed "PCT/CN2008/071839" (USPTO, CNIPA; before 2004
// "PCT/US03/00230"), run together as EP's B861, JPO's pct-or-regional-filing-data and
// DOCDB's docdb form give them: receiving office, year, serial ("US2016049186",
// "US9816128"), or in EPO's epodoc form "WO2013US64552" (serial without its leading
// zeros). These are written out the PCT way so that all compare equal; anything else is
// kept as printed, spaces removed.
std::string pct_application(std::string_view printed) {
    const std::string compact = without_spaces(printed);
    const std::string_view v = compact;
    if (v.size() == 12 && all_capitals(v.substr(0, 2)) && all_digits(v.substr(2)))
        return fmt::format("PCT/{}/{}", v.substr(0, 6), v.substr(6));
    if (v.size() == 9 && all_capitals(v.substr(0, 2)) && all_digits(v.substr(2)))
        return fmt::format("PCT/{}/{}", v.substr(0, 4), v.substr(4));
    if (v.size() > 8 && v.size() <= 14 && v.starts_with("WO") && all_digits(v.substr(2, 4)) &&
        all_capitals(v.substr(6, 2)) && all_digits(v.substr(8))) {
        const std::string_view year = v.substr(2, 4), office = v.substr(6, 2), serial = v.substr(8);
        // From 2004 the serial has six digits after a four-digit year; before, five after two.
        if (year >= "2004") return fmt::format("PCT/{}{}/{:0>6}", office, year, serial);
        return fmt::format("PCT/{}{}/{:0>5}", office, year.substr(2), serial);
    }
    return compact;
}

// CN application numbers must carry their check character. DOCDB and OPS print them
// without it ("201380062258"); as the character is a function of the digits, it is
// computed then, as the CNIPA standard form (102015000481495) has it computed. A check
// character that is printed and wrong still refuses the document.
ids::Parsed<ids::CnApplicationNumber> cn_application_number(std::string_view printed) {
    auto full = ids::parse_cn_application_number(printed);
    if (full) return full;
    auto bare = ids::parse_cn_application_number(printed, ids::CheckDigit::optional);
    if (!bare || bare->check != 0) return full;
    ids::CnApplicationNumber completed = *bare;
    completed.check = ids::cn_check_character(completed.digits);
    return ids::Parsed<ids::CnApplicationNumber>::ok(std::move(completed));
}

}  // namespace

ids::Parsed<Grant> normalise(const xml::RawDocument& raw, SourcePosition where) {
    using R = ids::Parsed<Grant>;
    Grant g;
    g.source = std::move(where);
    if (ids::trim(raw.office).empty()) return R::fail("no office code (found '')");
    auto office = ids::parse_office(raw.office);
    if (!office) return R::fail(office.error);
    g.office = *office;
    auto number = ids::parse_document_number(g.office, raw.number);
    if (!number) return R::fail(number.error);
    g.number = *number;
    auto kind = ids::parse_kind(raw.kind);
    if (!kind) return R::fail(kind.error);
    g.kind = *kind;
    // Folded and checked part by part, the parts can only join into an ASCII grant id.
    if (!ids::is_canonical_grant_id(grant_id(g)))
        return R::fail(fmt::format("grant id '{}' is not [A-Z]{{2}}[A-Z0-9]+[A-Z][0-9]?", ids::shown(grant_id(g))));

    auto date = ids::parse_patent_date(raw.date);
    if (!date) return R::fail(fmt::format("publication date '{}': {}", raw.date, date.error));
    g.date = *date;

    if (g.office == "CN" && !ids::trim(raw.application_number).empty()) {
        auto app = cn_application_number(raw.application_number);
        if (!app)
            return R::fail(fmt::format("application number '{}': {}", ids::shown(raw.application_number), app.error));
        g.application_number = app->canonical();
    } else {
        auto printed = ids::fold_to_ascii("application number", raw.application_number);
        if (!printed) return R::fail(printed.error);
        g.application_number = application_number(g.office, *printed);
    }
    if (!raw.application_date.empty()) {
        auto d = ids::parse_patent_date(raw.application_date);
        if (!d) return R::fail(fmt::format("application date '{}': {}", raw.application_date, d.error));
        g.application_date = *d;
    }

    g.title = raw.title;
    g.declared_type = raw.declared_type;
    for (const auto& p : raw.patentees)
        g.patentees.push_back(Party{p.name, p.address, p.city, upper_trimmed(p.country), p.names});
    for (const auto& p : raw.priorities) {
        auto country = ids::fold_to_ascii("priority country", p.country);
        if (!country) return R::fail(country.error);
        auto number = ids::fold_to_ascii("priority number", p.number);
        if (!number) return R::fail(number.error);
        Priority pr{upper_trimmed(*country), priority_number(*country, *number), std::nullopt};
        if (auto d = ids::parse_patent_date(p.date)) pr.date = *d;
        g.priorities.push_back(std::move(pr));
    }
    auto pct = ids::fold_to_ascii("PCT application", raw.pct_application);
    if (!pct) return R::fail(pct.error);
    g.pct_application = pct_application(*pct);
    g.family_id = raw.family_id;
    return R::ok(std::move(g));
}

}  // namespace patsub
