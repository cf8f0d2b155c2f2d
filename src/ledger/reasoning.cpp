#include "ledger/reasoning.h"

#include <nlohmann/json.hpp>

namespace patsub::ledger {

namespace {

// Key order is part of the stored text (it is hashed with the line), so objects keep
// the order they are written in.
using Json = nlohmann::ordered_json;

std::string text_at(const Json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::int64_t number_at(const Json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

const Json& array_at(const Json& j, const char* key) {
    static const Json empty = Json::array();
    const auto it = j.find(key);
    return it != j.end() && it->is_array() ? *it : empty;
}

std::string iso(const std::optional<Date>& d) { return d ? to_iso(*d) : std::string(); }

Json grant_json(const ReasonedGrant& g) {
    Json patentees = Json::array();
    for (const auto& p : g.patentees)
        patentees.push_back({{"name", p.name}, {"address", p.address}, {"city", p.city}, {"country", p.country}});
    Json priorities = Json::array();
    for (const auto& p : g.priorities)
        priorities.push_back({{"country", p.country}, {"number", p.number}, {"date", iso(p.date)}});
    return {{"id", g.id},
            {"title", g.title},
            {"date", g.date},
            {"application_number", g.application_number},
            {"declared_type", g.declared_type},
            {"kind_note", g.kind_note},
            {"source", {{"file", g.source.file}, {"document", g.source.document}, {"line", g.source.line}}},
            {"patentees", patentees},
            {"priorities", priorities},
            {"pct_application", g.pct_application}};
}

ReasonedGrant grant_from(const Json& j) {
    ReasonedGrant g;
    g.id = text_at(j, "id");
    g.title = text_at(j, "title");
    g.date = text_at(j, "date");
    g.application_number = text_at(j, "application_number");
    g.declared_type = text_at(j, "declared_type");
    g.kind_note = text_at(j, "kind_note");
    if (const auto s = j.find("source"); s != j.end() && s->is_object()) {
        g.source.file = text_at(*s, "file");
        g.source.document = static_cast<int>(number_at(*s, "document"));
        g.source.line = static_cast<long>(number_at(*s, "line"));
    }
    for (const auto& p : array_at(j, "patentees"))
        g.patentees.push_back({text_at(p, "name"), text_at(p, "address"), text_at(p, "city"), text_at(p, "country"), {}});
    for (const auto& p : array_at(j, "priorities"))
        g.priorities.push_back({text_at(p, "country"), text_at(p, "number"), date_from_iso(text_at(p, "date"))});
    g.pct_application = text_at(j, "pct_application");
    return g;
}

Json recognition_json(const Recognition& r) {
    return {{"uscc", r.uscc}, {"name", r.name}, {"recognition", r.recognition}, {"year", r.year}, {"source", r.source}};
}

Recognition recognition_from(const Json& j) {
    return {text_at(j, "uscc"), text_at(j, "name"), text_at(j, "recognition"), static_cast<int>(number_at(j, "year")),
            text_at(j, "source")};
}

Json family_json(const CapStanding& c) {
    return {{"id", c.family}, {"members", c.members}, {"funded_jurisdictions", c.funded}, {"slots_left", c.slots_left}};
}

CapStanding family_from(const Json& j) {
    CapStanding c;
    c.family = text_at(j, "id");
    for (const auto& m : array_at(j, "members"))
        if (m.is_string()) c.members.push_back(m.get<std::string>());
    for (const auto& f : array_at(j, "funded_jurisdictions"))
        if (f.is_string()) c.funded.push_back(f.get<std::string>());
    c.slots_left = static_cast<int>(number_at(j, "slots_left"));
    return c;
}

Reasoning common(const Decision& d) {
    Reasoning r;
    r.policy_version = d.policy_version;
    r.clause = d.clause;
    r.family = d.cap;
    r.checks = d.checks;
    return r;
}

}  // namespace

Reasoning reasoning_for(const Grant& g, const Classification& c, const Decision& d) {
    Reasoning r = common(d);
    r.grant = ReasonedGrant{grant_id(g), g.title, iso(g.date), g.application_number, g.declared_type, c.kind_note,
                            g.source, g.patentees, g.priorities, g.pct_application};
    return r;
}

Reasoning reasoning_for(const Recognition& rec, const Decision& d) {
    Reasoning r = common(d);
    r.recognition = rec;
    return r;
}

std::string to_json_text(const Reasoning& r) {
    Json j = Json::object();
    if (r.grant) j["grant"] = grant_json(*r.grant);
    if (r.recognition) j["recognition"] = recognition_json(*r.recognition);
    j["policy_version"] = r.policy_version;
    j["clause"] = r.clause;
    if (r.family) j["family"] = family_json(*r.family);
    Json checks = Json::array();
    for (const auto& k : r.checks) checks.push_back({{"check", k.what}, {"holds", k.holds}, {"detail", k.detail}});
    j["checks"] = checks;
    // A byte that is not UTF-8 cannot reach here through the readers; if one did, the
    // line is still written (with U+FFFD) rather than lost.
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::optional<Reasoning> reasoning_from_json(std::string_view text) {
    const Json j = Json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return std::nullopt;
    Reasoning r;
    if (const auto g = j.find("grant"); g != j.end() && g->is_object()) r.grant = grant_from(*g);
    if (const auto rec = j.find("recognition"); rec != j.end() && rec->is_object()) r.recognition = recognition_from(*rec);
    r.policy_version = text_at(j, "policy_version");
    r.clause = text_at(j, "clause");
    if (const auto f = j.find("family"); f != j.end() && f->is_object()) r.family = family_from(*f);
    for (const auto& c : array_at(j, "checks"))
        r.checks.push_back({text_at(c, "check"), c.contains("holds") && c["holds"].is_boolean() && c["holds"].get<bool>(),
                            text_at(c, "detail")});
    return r;
}

}  // namespace patsub::ledger
