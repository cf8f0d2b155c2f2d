// The element walker and rule tables: paths, skipping, text flattening.
#include "parsers/xml/readers/element_walker.h"

#include "parsers/xml/readers/path_rules.h"
#include "xml_test_support.h"

#include <libxml/xmlreader.h>

namespace patsub::xml::test {
namespace {

// Records the walk as text, descending everywhere except into <skip> and taking the text
// of <t>.
class Recorder final : public ElementHandler {
public:
    std::vector<std::string> events;

    Visit on_enter(const Element& e) override {
        events.push_back("enter " + std::string(e.path()) + " @" + std::to_string(e.depth()));
        if (e.local_name() == "skip") return Visit::skip;
        if (e.local_name() == "t") return Visit::text;
        return Visit::descend;
    }
    void on_text(std::string_view path, std::string_view text) override {
        events.push_back("text " + std::string(path) + " [" + std::string(text) + "]");
    }
    void on_exit(std::string_view path) override { events.push_back("exit " + std::string(path)); }
};

std::vector<std::string> walk(const std::string& doc, bool* ok = nullptr) {
    SafeReader reader(doc);
    Recorder recorder;
    bool good = walk_elements(reader, recorder);
    if (ok != nullptr) *ok = good;
    return recorder.events;
}

std::string title_of(const std::string& title_xml) {
    UsGrantParts parts;
    parts.title = title_xml;
    const CollectingSink sink = read_string(us_grant(parts));
    for (const auto& problem : sink.refused) MESSAGE(problem.cause);
    REQUIRE(sink.documents.size() == 1);
    return sink.documents[0].second.title;
}

}  // namespace

TEST_CASE("the walker reports local-name paths, skips, text and balanced exits") {
    bool ok = false;
    const auto events = walk(
        "<r:root xmlns:r=\"urn:x\"><a><r:b/><skip><t>no</t></skip><t> x <i>y</i> </t></a><c/></r:root>", &ok);
    CHECK(ok);
    const std::vector<std::string> expected = {
        "enter  @0", "enter a @1", "enter a/b @2", "exit a/b", "enter a/skip @2", "enter a/t @2", "text a/t [x y]",
        "exit a",    "enter c @1", "exit c",       "exit ",
    };
    CHECK(events == expected);
}

TEST_CASE("a title with inline markup is concatenated") {
    CHECK(title_of("Foo <i>bar</i> <b>baz</b><sup>2</sup>") == "Foo bar baz2");
}

TEST_CASE("CDATA in a title comes out as text") {
    CHECK(title_of("<![CDATA[Nuts & <bolts>]]> kit") == "Nuts & <bolts> kit");
}

TEST_CASE("numeric character references and predefined entities come out as text") {
    CHECK(title_of("Cuenot, Forsythe &#x26; Kim &#x2018;A&#x2019; &amp; &lt;b&gt; &#38;") ==
          "Cuenot, Forsythe & Kim \u2018A\u2019 & <b> &");
}

TEST_CASE("white space around a title is trimmed, inside it is kept") {
    CHECK(title_of("\n  Two  words \n") == "Two  words");
    CHECK(trim_xml_space(" \t\r\n") == "");
    CHECK(trim_xml_space("x") == "x");
}

TEST_CASE("an internal entity in bibliographic text refuses; in a skipped description it is harmless") {
    UsGrantParts parts;
    parts.doctype = "<!DOCTYPE us-patent-grant [\n<!ENTITY co \"Company\">\n]>\n";
    parts.description = "<p>made by &co;</p>\n";
    CHECK(read_string(us_grant(parts)).documents.size() == 1);
    parts.title = "Lamp by &co;";
    const CollectingSink sink = read_string(us_grant(parts));
    REQUIRE(sink.refused.size() == 1);
    CHECK(sink.refused[0].cause == "entity reference &co; in bibliographic text is not expanded");
}

TEST_CASE("document-ids outside publication-reference are never taken for the patent number") {
    UsGrantParts parts;
    parts.publication_reference = false;  // references-cited still holds a document-id
    const CollectingSink sink = read_string(us_grant(parts));
    CHECK(sink.documents.empty());
    REQUIRE(sink.refused.size() == 1);
    CHECK(sink.refused[0].cause == "no publication number");
    CHECK(sink.refused[0].line == 3);
}

namespace {

struct Tally {
    RawDocument doc;
    int groups = 0;
    int closed = 0;
    std::string attribute;
};

Visit open_group(Tally& t, const Element& e) {
    ++t.groups;
    if (const auto kind = e.attribute("kind")) t.attribute += *kind;
    return e.attribute_equals("kind", "ignored") ? Visit::skip : Visit::descend;
}

constexpr PathRule<Tally> kGroupRules[] = {
    {.path = "name", .text = [](Tally& t, std::string_view text) { t.doc.title += std::string(text) + ";"; }},
};

constexpr PathRule<Tally> kRules[] = {
    {.path = "head/number", .text = store_first<Tally, &RawDocument::number>},
    {.path = "list/group",
     .enter = open_group,
     .exit = [](Tally& t) { ++t.closed; },
     .children = kGroupRules},
};

}  // namespace

TEST_CASE("rule tables: nested tables, enter decisions and exits") {
    const std::string doc =
        "<doc><head><number>1</number><number>2</number></head><list>"
        "<group kind=\"a\"><name>x</name><other><name>not me</name></other></group>"
        "<group kind=\"ignored\"><name>y</name></group>"
        "<group/><group kind=\"b\"><name>z <i>!</i></name></group></list><tail><number>9</number></tail></doc>";
    SafeReader reader(doc);
    Tally tally;
    CHECK(walk_rules<Tally>(reader, tally, kRules));
    CHECK(tally.doc.number == "1");
    CHECK(tally.groups == 4);
    CHECK(tally.closed == 3);  // the skipped group is never opened
    CHECK(tally.attribute == "aignoredb");
    CHECK(tally.doc.title == "x;z !;");
}

}  // namespace patsub::xml::test

namespace patsub::xml::test {
namespace {

// Every attribute of every element, as the walker's Element reads them.
class AttributeLog final : public ElementHandler {
public:
    std::vector<std::string> values;
    Visit on_enter(const Element& e) override {
        for (const char* name : {"k", "m", "p:k"})
            values.push_back(std::string(e.local_name()) + "/" + name + "=" + e.attribute(name).value_or("<none>"));
        return Visit::descend;
    }
    void on_text(std::string_view, std::string_view) override {}
    void on_exit(std::string_view) override {}
};

// The same, read by libxml2's xmlTextReader on a tree (what the readers used before the
// SAX2 parse, and what xmllint --stream reads).
std::vector<std::string> tree_attributes(const std::string& doc) {
    std::vector<std::string> values;
    xmlTextReaderPtr reader = xmlReaderForMemory(doc.data(), static_cast<int>(doc.size()), nullptr, nullptr,
                                                 safe_parser_options());
    REQUIRE(reader != nullptr);
    while (xmlTextReaderRead(reader) == 1) {
        if (xmlTextReaderNodeType(reader) != XML_READER_TYPE_ELEMENT) continue;
        for (const char* name : {"k", "m", "p:k"}) {
            xmlChar* value = xmlTextReaderGetAttribute(reader, reinterpret_cast<const xmlChar*>(name));
            values.push_back(std::string(reinterpret_cast<const char*>(xmlTextReaderConstLocalName(reader))) + "/" +
                             name + "=" + (value != nullptr ? reinterpret_cast<const char*>(value) : "<none>"));
            xmlFree(value);
        }
    }
    xmlFreeTextReader(reader);
    return values;
}

}  // namespace

TEST_CASE("attribute values read as a tree reads them: references, entities, prefixes, white space") {
    const std::string doc =
        "<!DOCTYPE r [<!ENTITY e \"ent\">]>\n"
        "<r xmlns:p=\"urn:p\" k=\"1&#38;2&amp;3&lt;4&#x41;\" p:k=\"prefixed\">"
        "<a k=\"x&e;y\" m=\"tab&#9;nl&#10;\"/><b k=\" spaced\tout \n\"/><c p:k=\"\"/></r>";
    SafeReader reader(doc);
    AttributeLog log;
    const bool clean = walk_elements(reader, log);
    if (reader.problem()) MESSAGE(reader.problem()->message);
    REQUIRE(clean);
    CHECK(log.values == tree_attributes(doc));
    CHECK(log.values[0] == "r/k=1&2&3<4A");
}

TEST_CASE("what a handler throws is rethrown from the walk, and the document goes no further") {
    class Throwing final : public ElementHandler {
    public:
        int entered = 0;
        Visit on_enter(const Element& e) override {
            ++entered;
            if (e.local_name() == "boom") throw std::runtime_error("handler broke");
            return Visit::descend;
        }
        void on_text(std::string_view, std::string_view) override {}
        void on_exit(std::string_view) override {}
    };
    const std::string doc = "<r><a/><boom/><c/><d/></r>";
    SafeReader reader(doc);
    Throwing handler;
    CHECK_THROWS_WITH_AS(walk_elements(reader, handler), "handler broke", std::runtime_error);
    CHECK(handler.entered == 3);
}

}  // namespace patsub::xml::test
