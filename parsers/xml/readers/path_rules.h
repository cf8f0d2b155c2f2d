// PathRules: the table form a format reader takes. A reader lists the element paths it
// wants (local names relative to the root, or to an enclosing rule) and what to do with
// each: store its text in a field, open a repeating group (a party, a priority claim)
// on entry and close it on exit, or decide from an attribute. Everything not on the way
// to a listed path is skipped unseen, which is what keeps USPTO's citations,
// descriptions and claims (and their thousands of document-ids) out of the result.
#pragma once

#include "parsers/xml/readers/element_walker.h"
#include "parsers/xml/readers/format_reading.h"
#include "parsers/xml/readers/raw_document.h"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace patsub::xml {

template <class State>
struct PathRule;

template <class State>
struct RuleTable {
    const PathRule<State>* rules = nullptr;
    std::size_t size = 0;

    constexpr RuleTable() = default;
    template <std::size_t N>
    constexpr RuleTable(const PathRule<State> (&table)[N]) : rules(table), size(N) {}  // NOLINT: implicit on purpose

    const PathRule<State>* begin() const { return rules; }
    const PathRule<State>* end() const { return rules + size; }
};

template <class State>
struct PathRule {
    // '/'-joined local names, relative to the root (top table; "" is the root itself) or
    // to the element of the rule whose `children` this table is.
    std::string_view path;
    // Decides what to do with the element. Default: Visit::text when `text` is set,
    // Visit::descend otherwise.
    Visit (*enter)(State&, const Element&) = nullptr;
    void (*text)(State&, std::string_view) = nullptr;
    void (*exit)(State&) = nullptr;
    RuleTable<State> children{};
};

// The first non-empty value wins: a party repeats its addressbook per language (JPO:
// ja, then en) and a document may repeat an identification further down.
inline void keep_first(std::string& field, std::string_view text) {
    if (field.empty()) field.assign(text);
}

// Stores text into a field of state.doc; the first non-empty occurrence wins.
template <class State, std::string RawDocument::*Field>
void store_first(State& state, std::string_view text) {
    keep_first(state.doc.*Field, text);
}

// The building blocks of repeating groups kept straight in state.doc: a rule's `enter`
// opens the group, its children's `text` fill the group opened last.
template <class State>
Visit open_priority(State& state, const Element&) {
    state.doc.priorities.emplace_back();
    return Visit::descend;
}

template <class State>
Visit open_patentee(State& state, const Element&) {
    state.doc.patentees.emplace_back();
    return Visit::descend;
}

template <class State, std::string RawPriority::*Field>
void store_in_priority(State& state, std::string_view text) {
    if (!state.doc.priorities.empty()) keep_first(state.doc.priorities.back().*Field, text);
}

template <class State, std::string RawParty::*Field>
void store_in_patentee(State& state, std::string_view text) {
    if (!state.doc.patentees.empty()) keep_first(state.doc.patentees.back().*Field, text);
}

// WIPO ST.36 pieces that USPTO, JPO and CNIPA's legacy format print alike. Relative to
// <priority-claim>:
template <class State>
inline constexpr PathRule<State> st36_priority_claim[] = {
    {.path = "country", .text = store_in_priority<State, &RawPriority::country>},
    {.path = "doc-number", .text = store_in_priority<State, &RawPriority::number>},
    {.path = "date", .text = store_in_priority<State, &RawPriority::date>},
};

// Relative to a party printed as one <addressbook> with a free-text address (JPO
// <applicant>, CNIPA <cn-applicant>), read straight into the patentee opened last.
template <class State>
inline constexpr PathRule<State> st36_addressbook_patentee[] = {
    {.path = "addressbook/name", .text = store_in_patentee<State, &RawParty::name>},
    {.path = "addressbook/address/text", .text = store_in_patentee<State, &RawParty::address>},
    {.path = "addressbook/address/city", .text = store_in_patentee<State, &RawParty::city>},
    {.path = "addressbook/address/country", .text = store_in_patentee<State, &RawParty::country>},
};

// The ElementHandler that runs a rule table.
template <class State>
class RuleHandler final : public ElementHandler {
public:
    RuleHandler(State& state, RuleTable<State> top) : state_(state) { scopes_.push_back(Scope{top, 0}); }

    Visit on_enter(const Element& element) override {
        const Scope& scope = scopes_.back();
        const std::string_view path = element.path();
        const std::string_view relative = scope.base == 0 ? path : path.substr(scope.base + 1);
        for (const PathRule<State>& rule : scope.table) {
            if (rule.path != relative) continue;
            const Visit visit = rule.enter != nullptr ? rule.enter(state_, element)
                                                      : (rule.text != nullptr ? Visit::text : Visit::descend);
            if (visit == Visit::text) {
                pending_text_ = &rule;
            } else if (visit == Visit::descend) {
                const bool nested = rule.children.size > 0;
                frames_.push_back(Frame{&rule, nested});
                if (nested) scopes_.push_back(Scope{rule.children, path.size()});
            }
            return visit;
        }
        for (const PathRule<State>& rule : scope.table) {
            if (leads_to(relative, rule.path)) {
                frames_.push_back(Frame{nullptr, false});
                return Visit::descend;
            }
        }
        return Visit::skip;
    }

    void on_text(std::string_view, std::string_view text) override {
        if (pending_text_ != nullptr && pending_text_->text != nullptr) pending_text_->text(state_, text);
        pending_text_ = nullptr;
    }

    void on_exit(std::string_view) override {
        if (frames_.empty()) return;
        const Frame frame = frames_.back();
        frames_.pop_back();
        if (frame.rule != nullptr && frame.rule->exit != nullptr) frame.rule->exit(state_);
        if (frame.nested) scopes_.pop_back();
    }

private:
    struct Scope {
        RuleTable<State> table;
        std::size_t base;  // length of the scope element's path; 0 for the root
    };
    struct Frame {
        const PathRule<State>* rule;
        bool nested;
    };

    // Is `path` an ancestor of `target` (both relative to the same scope)?
    static bool leads_to(std::string_view path, std::string_view target) {
        if (path.empty()) return !target.empty();
        return target.size() > path.size() && target.starts_with(path) && target[path.size()] == '/';
    }

    State& state_;
    std::vector<Scope> scopes_;
    std::vector<Frame> frames_;
    const PathRule<State>* pending_text_ = nullptr;
};

// Parses the document and runs `table` over it from its root.
template <class State>
bool walk_rules(SafeReader& reader, State& state, RuleTable<State> table) {
    RuleHandler<State> handler(state, table);
    return walk_elements(reader, handler);
}

// A format reading that runs a rule table over its State and, once the document has
// been parsed cleanly, calls `finish` (may be empty).
template <class State>
class RulesReading final : public FormatReading {
public:
    RulesReading(State state, RuleTable<State> table, std::function<void(State&)> finish = {})
        : state_(std::move(state)), handler_(state_, table), finish_(std::move(finish)) {}
    RulesReading(const RulesReading&) = delete;
    RulesReading& operator=(const RulesReading&) = delete;

    ElementHandler& handler() override { return handler_; }
    void finish() override {
        if (finish_) finish_(state_);
    }

private:
    State state_;
    RuleHandler<State> handler_;
    std::function<void(State&)> finish_;
};

// The reading of a format whose document is one record: the table fills state.doc, whose
// line (the root's) and format are set here; `complete`, when given, moves into the
// record what the table kept aside (applicants, the root's office) before it is handed on.
template <class State>
std::unique_ptr<FormatReading> one_record_reading(SafeReader& reader, RecordSink& records, std::string_view format,
                                                  RuleTable<State> table, void (*complete)(State&) = nullptr) {
    State state{};
    state.doc.line = reader.current_line();
    state.doc.format = std::string(format);
    return std::make_unique<RulesReading<State>>(std::move(state), table, [&records, complete](State& s) {
        if (complete != nullptr) complete(s);
        records.emit(std::move(s.doc));
    });
}

}  // namespace patsub::xml
