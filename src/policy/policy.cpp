#include "policy/policy.h"

#include "model/sha256.h"

#include <fmt/format.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <sstream>

namespace patsub {

namespace {

using DocPtr = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

// Collects libxml2's messages instead of letting it print them.
struct Messages {
    std::vector<std::string> lines;
    static void collect(void* self, xmlErrorPtr e) {
        auto* m = static_cast<Messages*>(self);
        std::string msg = e->message ? e->message : "unknown error";
        while (!msg.empty() && msg.back() == '\n') msg.pop_back();
        m->lines.push_back(fmt::format("line {}: {}", e->line, msg));
    }
    std::string joined() const {
        std::string out;
        for (const auto& l : lines) out += (out.empty() ? "" : "; ") + l;
        return out;
    }
};

constexpr int safe_options = XML_PARSE_NONET | XML_PARSE_NOBLANKS;

// libxml2 2.9 has no per-context handler for the tree parser; the structured
// handler is per thread, so route it to msgs for the duration of one parse.
struct ErrorRoute {
    explicit ErrorRoute(Messages& m) { xmlSetStructuredErrorFunc(&m, &Messages::collect); }
    ~ErrorRoute() { xmlSetStructuredErrorFunc(nullptr, nullptr); }
    ErrorRoute(const ErrorRoute&) = delete;
    ErrorRoute& operator=(const ErrorRoute&) = delete;
};

DocPtr parse_file(const std::filesystem::path& file, Messages& msgs) {
    ErrorRoute route(msgs);
    return DocPtr{xmlReadFile(file.c_str(), nullptr, safe_options), &xmlFreeDoc};
}

std::string attr(xmlNodePtr n, const char* name) {
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    if (!v) return {};
    std::string s(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return s;
}

std::string text_of(xmlNodePtr n) {
    xmlChar* v = xmlNodeGetContent(n);
    if (!v) return {};
    std::string s(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return s;
}

std::vector<std::string> tokens(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> out;
    for (std::string t; in >> t;) out.push_back(t);
    return out;
}

bool is(xmlNodePtr n, const char* name) {
    return n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

template <class F>
void each_child(xmlNodePtr parent, const char* name, F f) {
    for (xmlNodePtr c = parent->children; c; c = c->next)
        if (is(c, name)) f(c);
}

xmlNodePtr child(xmlNodePtr parent, const char* name) {
    for (xmlNodePtr c = parent->children; c; c = c->next)
        if (is(c, name)) return c;
    return nullptr;
}

Clause read_clause(xmlNodePtr n) {
    Clause c;
    c.id = attr(n, "id");
    if (auto t = attr(n, "patent-type"); !t.empty()) c.type = patent_type_from(t);
    if (auto j = attr(n, "jurisdiction"); !j.empty()) c.jurisdiction = jurisdiction_from(j);
    c.award = attr(n, "award");
    c.amount = Money{std::stoll(attr(n, "amount-fen"))};
    auto cap = attr(n, "counts-toward-cap");
    c.counts_toward_cap = cap == "true" || cap == "1";
    each_child(n, "condition", [&](xmlNodePtr k) {
        c.conditions.push_back(text_of(k) == "no_dispute" ? Condition::no_dispute : Condition::not_abnormal);
    });
    if (auto t = child(n, "text")) c.text = text_of(t);
    const bool grant_clause = c.type && c.jurisdiction;
    if (grant_clause == !c.award.empty())
        throw PolicyError(fmt::format("line {}: clause {} must name either patent-type and "
                                      "jurisdiction, or award", xmlGetLineNo(n), c.id));
    return c;
}

PolicyVersion read_version(xmlNodePtr n) {
    PolicyVersion v;
    v.id = attr(n, "id");
    v.effective_from = *date_from_iso(attr(n, "effective-from"));  // format checked by the XSD
    if (auto to = attr(n, "effective-to"); !to.empty()) v.effective_to = date_from_iso(to);
    v.reference = text_of(child(n, "reference"));
    for (auto& code : tokens(text_of(child(n, "group-a")))) v.group_a.insert(code);
    each_child(child(n, "clauses"), "clause", [&](xmlNodePtr c) { v.clauses.push_back(read_clause(c)); });
    xmlNodePtr cap = child(n, "cap");
    v.cap_clause = attr(cap, "clause");
    v.cap_jurisdictions = std::stoi(attr(cap, "max-jurisdictions"));
    xmlNodePtr r = child(n, "readings");
    auto both = text_of(child(r, "apply-both-conditions"));
    v.apply_both_conditions = both == "true" || both == "1";
    v.payee_districts = tokens(text_of(child(r, "payee-districts")));
    v.payee_registration_divisions = tokens(text_of(child(r, "payee-registration-divisions")));
    v.kunming_markers = tokens(text_of(child(r, "kunming-markers")));
    // Reading 19: optional, 5 working days when absent (the XSD bounds it to 1..60).
    if (xmlNodePtr days = child(r, "notice-working-days")) v.notice_working_days = std::stoi(text_of(days));

    for (std::size_t i = 0; i < v.clauses.size(); ++i)
        for (std::size_t k = 0; k < i; ++k) {
            const auto &a = v.clauses[i], &b = v.clauses[k];
            if (a.id == b.id)
                throw PolicyError(fmt::format("version {}: clause {} appears twice", v.id, a.id));
            if (a.type && a.type == b.type && a.jurisdiction == b.jurisdiction)
                throw PolicyError(fmt::format("version {}: clauses {} and {} pay the same type in the "
                                              "same jurisdiction", v.id, b.id, a.id));
            if (!a.award.empty() && a.award == b.award)
                throw PolicyError(fmt::format("version {}: clauses {} and {} pay the same award",
                                              v.id, b.id, a.id));
        }
    return v;
}

}  // namespace

Jurisdiction PolicyVersion::jurisdiction_of(const std::string& office) const {
    if (office == "CN") return Jurisdiction::CN;
    return group_a.count(office) ? Jurisdiction::A : Jurisdiction::B;
}

const Clause* PolicyVersion::clause_for(PatentType type, Jurisdiction j) const {
    for (const auto& c : clauses)
        if (c.type == type && c.jurisdiction == j) return &c;
    return nullptr;
}

const Clause* PolicyVersion::award_clause(const std::string& recognition) const {
    for (const auto& c : clauses)
        if (c.award == recognition) return &c;
    return nullptr;
}

std::vector<Condition> PolicyVersion::conditions_of(const Clause& c) const {
    if (apply_both_conditions && c.type) return {Condition::no_dispute, Condition::not_abnormal};
    return c.conditions;
}

std::string_view to_string(Condition c) {
    return c == Condition::no_dispute ? "no_dispute" : "not_abnormal";
}

Policy Policy::load(const std::filesystem::path& file, const std::filesystem::path& xsd) {
    const std::string name = file.string();
    if (!std::filesystem::exists(file)) throw PolicyError(name + ": policy file not found");

    Messages schema_msgs;
    DocPtr schema_doc = parse_file(xsd, schema_msgs);
    if (!schema_doc) throw PolicyError(fmt::format("{}: policy schema unreadable: {}", xsd.string(), schema_msgs.joined()));
    std::unique_ptr<xmlSchemaParserCtxt, decltype(&xmlSchemaFreeParserCtxt)> sp{
        xmlSchemaNewDocParserCtxt(schema_doc.get()), &xmlSchemaFreeParserCtxt};
    std::unique_ptr<xmlSchema, decltype(&xmlSchemaFree)> schema{nullptr, &xmlSchemaFree};
    {
        ErrorRoute route(schema_msgs);
        schema.reset(xmlSchemaParse(sp.get()));
    }
    if (!schema) throw PolicyError(xsd.string() + ": policy schema is not a valid XSD");

    Messages msgs;
    DocPtr doc = parse_file(file, msgs);
    if (!doc || !msgs.lines.empty())
        throw PolicyError(fmt::format("{}: not well-formed XML: {}", name, msgs.joined()));
    std::unique_ptr<xmlSchemaValidCtxt, decltype(&xmlSchemaFreeValidCtxt)> vc{
        xmlSchemaNewValidCtxt(schema.get()), &xmlSchemaFreeValidCtxt};
    xmlSchemaSetValidStructuredErrors(vc.get(), &Messages::collect, &msgs);
    if (xmlSchemaValidateDoc(vc.get(), doc.get()) != 0)
        throw PolicyError(fmt::format("{}: does not follow {}: {}", name, xsd.filename().string(), msgs.joined()));

    Policy p;
    p.file_ = file;
    p.sha256_ = sha256_file(file);
    try {
        each_child(xmlDocGetRootElement(doc.get()), "version",
                   [&](xmlNodePtr v) { p.versions_.push_back(read_version(v)); });
    } catch (const PolicyError& e) {
        throw PolicyError(fmt::format("{}: {}", name, e.what()));
    }
    if (p.versions_.empty()) throw PolicyError(name + ": no policy version");
    std::sort(p.versions_.begin(), p.versions_.end(),
              [](const auto& a, const auto& b) { return a.effective_from < b.effective_from; });
    for (std::size_t i = 0; i < p.versions_.size(); ++i) {
        const auto& v = p.versions_[i];
        if (v.effective_to && *v.effective_to < v.effective_from)
            throw PolicyError(fmt::format("{}: version {} ends before it starts", name, v.id));
        if (i > 0) {
            const auto& prev = p.versions_[i - 1];
            if (!prev.effective_to || !(*prev.effective_to < v.effective_from))
                throw PolicyError(fmt::format("{}: versions {} and {} overlap", name, prev.id, v.id));
        }
    }
    return p;
}

PolicyLookup Policy::at(Date d) const {
    if (versions_.empty() || d < versions_.front().effective_from)
        return {PolicyLookup::Outcome::before_effective_date, nullptr};
    for (const auto& v : versions_)
        if (!(d < v.effective_from) && (!v.effective_to || !(*v.effective_to < d)))
            return {PolicyLookup::Outcome::in_force, &v};
    return {PolicyLookup::Outcome::no_policy_in_force, nullptr};
}

const PolicyVersion& Policy::nearest(std::optional<Date> d) const {
    if (d) {
        auto found = at(*d);
        if (found.version) return *found.version;
        if (found.outcome == PolicyLookup::Outcome::before_effective_date) return versions_.front();
        const PolicyVersion* best = &versions_.front();
        for (const auto& v : versions_)
            if (!(*d < v.effective_from)) best = &v;
        return *best;
    }
    return versions_.back();
}

const PolicyVersion* Policy::find(const std::string& id) const {
    for (const auto& v : versions_)
        if (v.id == id) return &v;
    return nullptr;
}

GrantCap cap_of(const PolicyVersion& v) {
    GrantCap cap{v.id, v.cap_clause, {}, v.cap_jurisdictions};
    for (const auto& c : v.clauses)
        if (c.counts_toward_cap) cap.counting.insert(c.id);
    return cap;
}

GrantCap cap_for(const Policy& policy, std::optional<Date> grant_date) {
    const PolicyVersion* v = grant_date ? policy.at(*grant_date).version : nullptr;
    return cap_of(v ? *v : policy.nearest(grant_date));
}

}  // namespace patsub
