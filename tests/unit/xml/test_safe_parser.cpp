// Hostile and broken input: every case must end as a refused document with a position
// and libxml2's message (or ours), quickly, without reading local files or the network
// and without writing to stderr.
#include "parsers/xml/guard/safe_parser.h"

#include "parsers/xml/readers/element_walker.h"
#include "xml_test_support.h"

#include <libxml/parserInternals.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <fstream>
#include <sstream>

namespace patsub::xml::test {
namespace {

std::string nested(int depth, std::string_view name) {
    std::string s;
    for (int i = 0; i < depth; ++i) s += "<" + std::string(name) + ">";
    for (int i = 0; i < depth; ++i) s += "</" + std::string(name) + ">";
    return s;
}

std::string billion_laughs(std::string_view use_at) {
    std::string s = "<?xml version=\"1.0\"?>\n<!DOCTYPE us-patent-grant [\n<!ENTITY lol \"lol\">\n";
    for (int i = 1; i <= 9; ++i) {
        s += "<!ENTITY lol" + std::to_string(i) + " \"";
        for (int j = 0; j < 10; ++j) s += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
        s += "\">\n";
    }
    s += "]>\n";
    UsGrantParts parts;
    parts.doctype = "";
    if (use_at == "title") parts.title = "&lol9;";
    else parts.description = "<p>&lol9;</p>";
    std::string grant = us_grant(parts);
    return s + grant.substr(grant.find("<us-patent-grant"));
}

// The first line of /etc/passwd ("root:x:0:0:..."), or a stand-in when unreadable.
std::string passwd_first_line() {
    std::ifstream in("/etc/passwd");
    std::string line;
    std::getline(in, line);
    return line.empty() ? std::string("root:x:0:0") : line.substr(0, 10);
}

// Runs `f` with fd 2 sent to a temporary file and returns what was written there.
template <class F>
std::string captured_stderr(F f) {
    std::fflush(stderr);
    char path[] = "/tmp/patsub-xml-stderr-XXXXXX";
    const int fd = ::mkstemp(path);
    REQUIRE(fd >= 0);
    const int saved = ::dup(2);
    ::dup2(fd, 2);
    f();
    std::fflush(stderr);
    ::dup2(saved, 2);
    ::close(saved);
    ::close(fd);
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    std::remove(path);
    return text.str();
}

}  // namespace

TEST_CASE("an undefined entity (external DTD not loaded) refuses the document at its line") {
    UsGrantParts parts;
    parts.title = "A &ldquo;smart&rdquo; lamp";
    const std::string doc = us_grant(parts);
    const CollectingSink sink = read_string(doc);
    CHECK(sink.documents.empty());
    REQUIRE(sink.refused.size() == 1);
    CHECK(sink.refused[0].document_index == 1);
    CHECK(sink.refused[0].file == "inline.xml");
    CHECK(sink.refused[0].line == line_of(doc, "&ldquo;"));
    CHECK(sink.refused[0].column > 0);
    CHECK(sink.refused[0].cause == "Entity 'ldquo' not defined");
}

TEST_CASE("an undefined entity without any DOCTYPE is refused too") {
    UsGrantParts parts;
    parts.doctype = "";
    parts.description = "<p>x &ndash; y</p>\n";
    const std::string doc = us_grant(parts);
    const CollectingSink sink = read_string(doc);
    REQUIRE(sink.refused.size() == 1);
    CHECK(sink.refused[0].line == line_of(doc, "&ndash;"));
    CHECK(sink.refused[0].cause.find("ndash") != std::string::npos);
}

TEST_CASE("a truncated document is refused") {
    const std::string whole = us_grant();
    for (const std::string_view cut : {"<description", "</us-bibliographic-data-grant>", "<invention-title", "</us-patent-grant>"}) {
        CAPTURE(cut);
        const CollectingSink sink = read_string(whole.substr(0, whole.find(cut)));
        CHECK(sink.documents.empty());
        REQUIRE(sink.refused.size() == 1);
        CHECK(sink.refused[0].line > 0);
        CHECK(!sink.refused[0].cause.empty());
    }
}

TEST_CASE("an external entity pointing at /etc/passwd is never read") {
    const std::string secret = passwd_first_line();
    for (const std::string_view where : {"title", "description", "dtd", "parameter"}) {
        CAPTURE(where);
        UsGrantParts parts;
        if (where == "dtd") {
            parts.doctype = "<!DOCTYPE us-patent-grant SYSTEM \"file:///etc/passwd\">\n";
        } else if (where == "parameter") {
            parts.doctype = "<!DOCTYPE us-patent-grant [\n<!ENTITY % p SYSTEM \"file:///etc/passwd\">\n%p;\n]>\n";
        } else {
            parts.doctype = "<!DOCTYPE us-patent-grant [\n<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n";
            if (where == "title") parts.title = "&xxe;";
            else parts.description = "<p>&xxe;</p>\n";
        }
        const CollectingSink sink = read_string(us_grant(parts));
        CHECK(sink.everything().find(secret) == std::string::npos);
        if (where == "title") {
            // Left unexpanded, it would silently blank the title: refused instead.
            REQUIRE(sink.refused.size() == 1);
            CHECK(sink.refused[0].cause.find("&xxe;") != std::string::npos);
        } else if (!sink.documents.empty()) {
            CHECK(sink.documents[0].second.title == "Method and device for information transfer");
        }
    }
}

TEST_CASE("a billion-laughs entity bomb is refused quickly") {
    for (const std::string_view where : {"title", "description"}) {
        CAPTURE(where);
        const auto start = std::chrono::steady_clock::now();
        const CollectingSink sink = read_string(billion_laughs(where));
        const auto elapsed = std::chrono::steady_clock::now() - start;
        CHECK(elapsed < std::chrono::seconds(2));
        CHECK(sink.documents.empty());
        REQUIRE(sink.refused.size() == 1);
        CHECK(sink.refused[0].cause.find("entity") != std::string::npos);
        CHECK(sink.everything().find("lollollol") == std::string::npos);
    }
}

TEST_CASE("1000-deep nesting is refused, in read parts and in skipped parts alike") {
    for (const bool in_description : {false, true}) {
        CAPTURE(in_description);
        UsGrantParts parts;
        if (in_description) parts.description = nested(1000, "b") + "\n";
        else parts.before_title = nested(1000, "us-term-of-grant") + "\n";
        const CollectingSink sink = read_string(us_grant(parts));
        CHECK(sink.documents.empty());
        REQUIRE(sink.refused.size() == 1);
        CHECK(sink.refused[0].cause.find("depth") != std::string::npos);
    }
}

TEST_CASE("our own depth cap applies below libxml2's") {
    UsGrantParts parts;
    parts.title = "Deep " + nested(20, "i");
    GrantFileOptions options;
    options.limits.max_depth = 10;
    const CollectingSink sink = read_string(us_grant(parts), options);
    REQUIRE(sink.refused.size() == 1);
    CHECK(sink.refused[0].cause == "elements nested deeper than 10 levels");
    // The real layout itself nests well within the cap.
    CHECK(read_string(us_grant(), options).documents.size() == 1);
}

TEST_CASE("bytes that are not UTF-8 in a UTF-8 document are refused") {
    UsGrantParts parts;
    parts.title = "Lamp \xff\xfe";
    const std::string doc = us_grant(parts);
    const CollectingSink sink = read_string(doc);
    REQUIRE(sink.refused.size() == 1);
    CHECK(sink.refused[0].line == line_of(doc, "Lamp \xff"));
    CHECK(sink.refused[0].cause.find("UTF-8") != std::string::npos);
}

TEST_CASE("a declared legacy encoding is honoured") {
    UsGrantParts parts;
    parts.title = "\xd6\xd0\xce\xc4";  // 中文 in GB2312
    std::string doc = us_grant(parts);
    doc.replace(doc.find("UTF-8"), 5, "GB2312");
    const CollectingSink sink = read_string(doc);
    REQUIRE(sink.documents.size() == 1);
    CHECK(sink.documents[0].second.title == "中文");
}

TEST_CASE("a libxml2 warning alone refuses the document") {
    // "Unsupported version '1.1'" is reported as a warning (XML_WAR_UNKNOWN_VERSION).
    std::string doc = us_grant();
    doc.replace(doc.find("version=\"1.0\""), 13, "version=\"1.1\"");
    const CollectingSink sink = read_string(doc);
    CHECK(sink.documents.empty());
    REQUIRE(sink.refused.size() == 1);
    CHECK(sink.refused[0].line == 1);
    CHECK(sink.refused[0].cause == "Unsupported version '1.1'");
}

TEST_CASE("nothing is written to stderr, whatever the document") {
    const std::string out = captured_stderr([] {
        read_string(us_grant({.title = "&ldquo;"}));
        read_string(billion_laughs("title"));
        read_string("<?xml version=\"1.0\" encoding=\"NO-SUCH-ENCODING\"?><a/>");
        read_string("<?xml version=\"1.0\"?>\n<a>\xff</a>");
        read_string("<a><b></a>");
    });
    CHECK(out.empty());
}

TEST_CASE("SafeReader records only the first problem and stops") {
    const std::string doc = "<?xml version=\"1.0\"?>\n<a>\n<b>&x; &y;</b></a>\n";
    SafeReader reader(doc);
    CHECK_FALSE(reader.parse());
    REQUIRE(reader.failed());
    CHECK(reader.problem()->line == 3);
    CHECK(reader.problem()->message == "Entity 'x' not defined");
    CHECK_FALSE(reader.parse());
}

TEST_CASE("SafeReader refuses an empty document") {
    SafeReader reader("");
    CHECK_FALSE(reader.parse());
    REQUIRE(reader.failed());
    CHECK(reader.problem()->message == "empty document");
}

namespace {


// Every event the parser reports, with its depth and line.
class EventLog final : public ParseEvents {
public:
    explicit EventLog(const SafeReader& reader) : reader_(reader) {}
    std::string seen;
    int events = 0;
    void start_element(const StartTag& tag) override {
        add(std::to_string(depth_++) + "<" + reinterpret_cast<const char*>(tag.local_name));
    }
    void end_element() override { add(std::to_string(--depth_) + ">"); }
    void characters(std::string_view text) override { add("t" + std::to_string(text.size())); }
    void entity_reference(std::string_view name) override { add("&" + std::string(name)); }

private:
    void add(const std::string& event) {
        ++events;
        seen += event + "@" + std::to_string(reader_.current_line()) + " ";
    }
    const SafeReader& reader_;
    int depth_ = 0;
};

// Every event of the document, and the problem it ends with.
std::string visit_all(SafeReader& reader) {
    EventLog log(reader);
    reader.parse(log);
    std::string seen = log.seen;
    if (const auto& problem = reader.problem())
        seen += "| " + std::to_string(problem->line) + ":" + std::to_string(problem->column) + " " + problem->message;
    return seen;
}

}  // namespace

TEST_CASE("SafeReader over a ByteSource reports the same events and refuses the same way as over bytes") {
    UsGrantParts broken;
    broken.description = "<p>one</p>\n<p>two &ldquo;</p>\n";
    const std::string many_attributes = "<a" + [] {
        std::string s;
        for (int i = 0; i < 300; ++i) s += " b" + std::to_string(i) + "='1'";
        return s;
    }() + "/>";
    for (const std::string& doc : {us_grant(), us_grant(broken), std::string("<a>\n<b/>\n"), many_attributes,
                                   std::string("\xFF\xFE<\0a\0/\0>\0"), std::string(" "), std::string()}) {
        CAPTURE(doc.substr(0, 40));
        SafeReader whole(doc);
        const std::string expected = visit_all(whole);
        for (const std::size_t piece : {1, 7, 512, 100000}) {
            CAPTURE(piece);
            PieceSource source(doc, piece);
            SafeReader pulled(source);
            CHECK(visit_all(pulled) == expected);
        }
    }
}

TEST_CASE("a held document in one piece reports the same events and problems as in the reader's pieces") {
    UsGrantParts broken;
    broken.description = "<p>one</p>\n<p>two &ldquo;</p>\n";
    UsGrantParts long_description;
    for (int i = 0; i < 300; ++i) long_description.description += "<p>A paragraph of <b>the</b> description.</p>\n";
    for (const std::string& doc : {us_grant(), us_grant(broken), us_grant(long_description), std::string("<a>\n<b/>\n"),
                                   std::string("<a><![CDATA[x]]>&#65;<b c='&#38;'/></a>"), std::string(" ")}) {
        CAPTURE(doc.substr(0, 40));
        SafeReader pieces(doc);
        const std::string expected = visit_all(pieces);
        SafeReader whole(doc, {}, SafeReader::Pieces::whole);
        CHECK(visit_all(whole) == expected);
    }
}

TEST_CASE("SafeReader over a ByteSource rethrows what the source throws, from the call that needed the bytes") {
    UsGrantParts long_description;
    for (int i = 0; i < 300; ++i) long_description.description += "<p>A paragraph of the description.</p>\n";
    const std::string doc = us_grant(long_description);
    // Within the first bytes: from the constructor.
    PieceSource early(doc, 100, 1000);
    CHECK_THROWS_WITH_AS([&] { SafeReader reader(early); }(), "source broke", std::runtime_error);
    // Later: from parse(), after the events before the break.
    PieceSource late(doc, 100, doc.size() / 2);
    SafeReader reader(late);
    EventLog log(reader);
    CHECK_THROWS_WITH_AS(reader.parse(log), "source broke", std::runtime_error);
    CHECK(log.events > 10);
}

TEST_CASE("SafeReader options leave out everything that loads or substitutes") {
    const int options = safe_parser_options();
    CHECK((options & XML_PARSE_NONET) != 0);
    for (const int forbidden : {XML_PARSE_NOENT, XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR, XML_PARSE_DTDVALID,
                                XML_PARSE_HUGE, XML_PARSE_RECOVER, XML_PARSE_NOERROR, XML_PARSE_NOWARNING,
                                XML_PARSE_NOBLANKS, XML_PARSE_XINCLUDE})
        CHECK((options & forbidden) == 0);
}

TEST_CASE("the entity guard refuses loads made for a document and leaves other users alone") {
    install_entity_guard();
    // Outside any SafeReader the previous loader still works (the policy stage reads its
    // XSD through libxml2 from a trusted path).
    char path[] = "/tmp/patsub-xml-entity-XXXXXX";
    const int fd = ::mkstemp(path);
    REQUIRE(fd >= 0);
    REQUIRE(::write(fd, "<a/>", 4) == 4);
    ::close(fd);
    xmlParserCtxtPtr context = xmlNewParserCtxt();
    REQUIRE(context != nullptr);
    xmlParserInputPtr input = xmlLoadExternalEntity(path, nullptr, context);
    CHECK(input != nullptr);
    if (input != nullptr) xmlFreeInputStream(input);
    xmlFreeParserCtxt(context);
    std::remove(path);
}

}  // namespace patsub::xml::test
