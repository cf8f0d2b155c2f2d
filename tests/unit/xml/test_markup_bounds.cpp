// Markup bounds (parsers/xml/guard/markup_bounds.h): the work libxml2 does without a bound of
// its own is refused before it starts. Each case here hung `patsub run` for minutes
// before (tests/hostile: many-attributes, attribute defaults from the internal subset).
#include "parsers/xml/guard/markup_bounds.h"

#include "xml_test_support.h"

#include <chrono>

namespace patsub::xml::test {
namespace {

std::string attributes(int count, std::string_view value = "1") {
    std::string s;
    for (int i = 0; i < count; ++i) s += " a" + std::to_string(i) + "=\"" + std::string(value) + "\"";
    return s;
}

std::string grant_with_description(std::string description, std::string doctype = "") {
    UsGrantParts parts;
    parts.description = std::move(description);
    if (!doctype.empty()) parts.doctype = std::move(doctype);
    return us_grant(parts);
}

// The same document fed to the scanner in pieces of `piece` bytes (a streamed document
// arrives in whatever pieces libxml2 asks for).
std::optional<MarkupViolation> bounds_in_pieces(std::string_view document, std::size_t piece,
                                                const MarkupBoundsLimits& limits = {}) {
    MarkupBoundsScanner scanner(limits);
    for (std::size_t at = 0; at < document.size(); at += piece)
        if (auto violation = scanner.feed(document.substr(at, piece))) return violation;
    return scanner.finish();
}

std::string describe(const std::optional<MarkupViolation>& v) {
    return v ? std::to_string(v->line) + ": " + v->message : std::string("none");
}

// check_markup_bounds, and the proof that every piece size gives the same verdict and line.
std::optional<MarkupViolation> bounds(std::string_view document, const MarkupBoundsLimits& limits = {}) {
    const auto whole = check_markup_bounds(document, limits);
    for (const std::size_t piece : {1, 2, 3, 7, 4096}) {
        CAPTURE(piece);
        CHECK(describe(bounds_in_pieces(document, piece, limits)) == describe(whole));
    }
    return whole;
}

template <class F>
double seconds(F f) {
    const auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("a start tag with more attributes than the limit is refused at its line, quickly") {
    CHECK(read_string(grant_with_description("<p" + attributes(256) + ">x</p>\n")).documents.size() == 1);
    const std::string doc = grant_with_description("<p" + attributes(257) + ">x</p>\n");
    const CollectingSink sink = read_string(doc);
    CHECK(sink.documents.empty());
    REQUIRE(sink.refused.size() == 1);
    CHECK(sink.refused[0].cause == "a start tag with more than 256 attributes");
    CHECK(sink.refused[0].line == line_of(doc, "<p a0="));

    // 200,000 attributes in one tag took libxml2 about five minutes.
    const std::string huge = grant_with_description("<p" + attributes(200000) + ">x</p>\n");
    CollectingSink refused;
    CHECK(seconds([&] { refused = read_string(huge); }) < 2.0);
    REQUIRE(refused.refused.size() == 1);
    CHECK(refused.refused[0].cause == "a start tag with more than 256 attributes");
}

TEST_CASE("only '=' of attributes count: not in values, comments, CDATA, PIs or text") {
    const std::string equals(400, '=');
    const std::string pairs = attributes(300);
    for (const std::string& description :
         {"<p title=\"" + equals + "\">x</p>\n", "<!--" + pairs + "-->\n<p>x</p>\n",
          "<p><![CDATA[" + pairs + "]]></p>\n", "<?note" + pairs + "?>\n<p>x</p>\n", "<p>" + equals + "</p>\n"}) {
        CAPTURE(description.substr(0, 40));
        CHECK_FALSE(bounds(grant_with_description(description)));
    }
    // A '>' inside a quoted value does not end the tag for the count.
    const auto hidden = bounds(grant_with_description("<p t=\">\"" + attributes(300) + ">x</p>\n"));
    REQUIRE(hidden);
    CHECK(hidden->message == "a start tag with more than 256 attributes");
}

TEST_CASE("namespace declarations in scope are bounded; closed elements give theirs back") {
    const auto declarations = [](int element, int count) {
        std::string s;
        for (int i = 0; i < count; ++i)
            s += " xmlns:q" + std::to_string(element) + "_" + std::to_string(i) + "=\"urn:" + std::to_string(i) + "\"";
        return s;
    };
    // 250 nested elements with 250 declarations each, then many small elements: libxml2
    // searched 62,000 declarations for each of them (90 s for 2 MB).
    std::string nested;
    for (int e = 0; e < 200; ++e) nested += "<e" + declarations(e, 250) + ">";
    std::string elements;
    for (int i = 0; i < 100000; ++i) elements += "<x/>";
    std::string closing;
    for (int e = 0; e < 200; ++e) closing += "</e>";
    const std::string doc = grant_with_description("<p>" + nested + elements + closing + "</p>\n");
    CollectingSink sink;
    CHECK(seconds([&] { sink = read_string(doc); }) < 2.0);
    REQUIRE(sink.refused.size() == 1);
    CHECK(sink.refused[0].cause == "more than 256 namespace declarations in scope");

    // The same declarations on elements that close (each MathML <math> of an EP
    // description declares its namespace) never add up.
    std::string flat;
    for (int e = 0; e < 200; ++e)
        flat += "<e" + declarations(e, 250) + "/><math xmlns=\"http://www.w3.org/1998/Math/MathML\"></math>";
    CHECK_FALSE(bounds(grant_with_description("<p>" + flat + elements + "</p>\n")));
    // xmlns-like names that declare nothing, and values that look like declarations.
    CHECK_FALSE(
        bounds("<a" + attributes(200) + " xmlnsx=\"1\" t='xmlns:a=\"b\"'><b" + declarations(0, 200) + "/></a>"));
    const auto two_levels = bounds("<a" + declarations(1, 200) + "><b" + declarations(2, 57) + "/></a>");
    REQUIRE(two_levels);
    CHECK(two_levels->message == "more than 256 namespace declarations in scope");
    CHECK_FALSE(bounds("<a" + declarations(1, 200) + "><b" + declarations(2, 56) + "/></a>"));
}

TEST_CASE("a whole document only counted (too few '=' to break a limit) gets the scan's verdict") {
    // check_markup_bounds counts the '=' of a whole document first, and scans it only when
    // they could add up to a broken limit or it has a DOCTYPE. At limits of 2 and 3 every
    // document below sits on one side of the count or the other; bounds() compares the
    // verdict and line with the scan in pieces, which never counts.
    const auto with = [](int attributes_limit, int namespaces_limit) {
        MarkupBoundsLimits limits;
        limits.max_attributes = attributes_limit;
        limits.max_namespaces_in_scope = namespaces_limit;
        return limits;
    };
    struct Case {
        std::string document;
        MarkupBoundsLimits limits;
        std::string verdict;
    };
    const Case cases[] = {
        {"<a b='1' c='2'/>", with(2, 3), "none"},
        {"<a b='1' c='2' d='3'/>", with(2, 3), "1: a start tag with more than 2 attributes"},
        {"<a b='1'>\n<c d='2' e='3'/></a>", with(2, 3), "none"},
        {"<a xmlns:p='1' xmlns:q='2'>\n<c xmlns:r='3'/></a>", with(3, 2),
         "2: more than 2 namespace declarations in scope"},
        {"<a xmlns:p='1'><c xmlns:r='3'/></a>", with(3, 2), "none"},
        {"<a>x = y</a>", with(0, 0), "none"},
        {"<a b='1'/>", with(0, 3), "1: a start tag with more than 0 attributes"},
        {"<!DOCTYPE a [<!ATTLIST a b CDATA 'x'>]><a/>", with(2, 3),
         "1: an attribute-list declaration in the internal DTD subset (it would add attributes to every element it "
         "names)"},
        {"<?xml version='1.0' encoding='ISO-2022-JP'?><a/>", with(2, 3),
         "1: encoding \"ISO-2022-JP\" is not read: patsub reads UTF-8, UTF-16 and the encodings in which markup "
         "stays ASCII (GBK, Big5, Shift_JIS, EUC, ISO 8859, Windows code pages)"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.document);
        CHECK(describe(bounds(c.document, c.limits)) == c.verdict);
    }
}

TEST_CASE("an attribute-list declaration in the internal subset is refused before it multiplies") {
    std::string defaults = "<!ATTLIST x";
    for (int i = 0; i < 1000; ++i) defaults += " a" + std::to_string(i) + " CDATA \"1\"";
    defaults += ">";
    std::string elements;
    for (int i = 0; i < 20000; ++i) elements += "<x/>";
    // 95 KB that took libxml2 15 s: every <x/> gets 1,000 defaulted attributes.
    const std::string doc = grant_with_description(
        "<p>" + elements + "</p>\n", "<!DOCTYPE us-patent-grant [\n<!ENTITY co \"Co\">\n" + defaults + "\n]>\n");
    CollectingSink sink;
    CHECK(seconds([&] { sink = read_string(doc); }) < 2.0);
    REQUIRE(sink.refused.size() == 1);
    CHECK(sink.refused[0].cause.starts_with("an attribute-list declaration in the internal DTD subset"));
    CHECK(sink.refused[0].line == line_of(doc, "<!ATTLIST"));
}

TEST_CASE("parameter entities in the internal subset are refused; general entities are left to libxml2") {
    const auto declared = bounds("<!DOCTYPE a [\n<!ENTITY % p \"&#60;!ATTLIST a b CDATA 'c'>\">\n]>\n<a/>");
    REQUIRE(declared);
    CHECK(declared->message == "a parameter entity declaration in the internal DTD subset");
    CHECK(declared->line == 2);
    const auto referenced = bounds("<!DOCTYPE a [\n<!-- ] > -->\n<?pi ]>?>\n  %p;\n]>\n<a/>");
    REQUIRE(referenced);
    CHECK(referenced->message == "a parameter entity reference in the internal DTD subset");
    CHECK(referenced->line == 4);
    CHECK_FALSE(bounds("<!DOCTYPE a SYSTEM \"x[y>\" [\n<!ENTITY e \"]>%<!ATTLIST\">\n<!ELEMENT a ANY>\n"
                       "<!NOTATION n SYSTEM \"n\">\n]>\n<a b=\"&e;\"/>"));
    // The sample inbox's subsets ("[ ]", "[]") and none at all.
    CHECK_FALSE(bounds(us_grant()));
    CHECK_FALSE(bounds("<!DOCTYPE a []><a/>"));
}

TEST_CASE("an internal subset over the size limit is refused (it bounds entity replacement texts)") {
    const std::string big(70000, 'A');
    const auto violation = bounds("<!DOCTYPE a [\n<!ENTITY e \"" + big + "\">\n]>\n<a>&e;</a>");
    REQUIRE(violation);
    CHECK(violation->message == "an internal DTD subset longer than 65536 characters");
    CHECK(violation->line == 1);
    CHECK_FALSE(bounds("<!DOCTYPE a [\n<!ENTITY e \"" + std::string(60000, 'A') + "\">\n]>\n<a>&e;</a>"));
}

TEST_CASE("encodings in which markup bytes can hide inside characters are refused") {
    for (const std::string_view name : {"ISO-2022-JP", "UTF-7", "HZ-GB-2312", "JOHAB", "x-unknown"}) {
        CAPTURE(name);
        const auto violation = bounds("<?xml version=\"1.0\" encoding=\"" + std::string(name) + "\"?>\n<a/>");
        REQUIRE(violation);
        CHECK(violation->message.starts_with("encoding \"" + std::string(name) + "\" is not read"));
    }
    for (const std::string_view name : {"UTF-16LE", "UTF-16BE", "UCS-2", "UTF-32"}) {
        CAPTURE(name);
        const auto violation = bounds("<?xml version=\"1.0\" encoding=\"" + std::string(name) + "\"?>\n<a/>");
        REQUIRE(violation);
        CHECK(violation->message == "an 8-bit document declaring encoding \"" + std::string(name) + "\"");
    }
    // Plain UTF-16 is libxml2's to refuse ("Document labelled UTF-16 but has UTF-8 content").
    CHECK_FALSE(bounds("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<a/>"));
    const CollectingSink labelled = read_string("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<a/>");
    REQUIRE(labelled.refused.size() == 1);
    CHECK(labelled.refused[0].cause == "Document labelled UTF-16 but has UTF-8 content");
    for (const std::string_view name : {"UTF-8", "utf-8", "GB2312", "GBK", "GB18030", "Big5", "Shift_JIS", "EUC-JP",
                                        "EUC-KR", "ISO-8859-1", "ISO-8859-15", "windows-1252", "US-ASCII"}) {
        CAPTURE(name);
        CHECK_FALSE(bounds("<?xml version=\"1.0\" encoding='" + std::string(name) + "'?>\n<a/>"));
    }
    CHECK(bounds(std::string("\0\0\0<\0\0\0a", 8))->message.starts_with("a UCS-4 document"));
    CHECK(bounds("\x4C\x6F\xA7\x94")->message.starts_with("an EBCDIC document"));
}

TEST_CASE("UTF-16 documents are scanned by code unit, with or without a byte-order mark") {
    const std::string tag = "<a" + attributes(300) + "/>";
    for (const bool little : {true, false}) {
        for (const bool mark : {true, false}) {
            CAPTURE(little);
            CAPTURE(mark);
            std::string doc = mark ? (little ? "\xFF\xFE" : "\xFE\xFF") : "";
            for (const char c : "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" + tag) {
                doc += little ? c : '\0';
                doc += little ? '\0' : c;
            }
            const auto violation = bounds(doc);
            REQUIRE(violation);
            CHECK(violation->message == "a start tag with more than 256 attributes");
            CHECK(violation->line == 2);
        }
    }
}

TEST_CASE("pieces cut anywhere: openers, comment ends, subsets, declarations and UTF-16 units") {
    const std::string many = attributes(300);
    // Each must give the same verdict whatever the pieces; some pass, some do not.
    const std::vector<std::string> documents = {
        "<!-- a -- b --- c ---><a" + many + "/>",
        "<!-- <a" + many + "> --->\n<a/>",
        "<r><![CDATA[ ]] ]]] <a" + many + "> ]]]><a" + many + "/></r>",
        "<r><?pi ?\?\? <a" + many + "> ?\?\?><b/></r>",
        "<r><!-><a" + many + "/></r>",
        "<r><!x <a" + many + "> ></r>",
        "<r></r" + many + "><x/></r>",
        "<a t='\"' u=\"'\"" + many + "/>",
        "<a b=\"1\"/ >",
        "<a b=\"1\"<c" + many + "/>",
        "<a" + many,
        "<!DOCTYPE a [\n<!-- ]> --><?pi ]>?>\n<!ENTITY  \t%x \"y\">]><a/>",
        "<!DOCTYPE a [ <!ENTITY e '>%'> <!ELEMENT a ANY> <!NOTATION n SYSTEM 'n'> ]>\n<a/>",
        "<!DOCTYPE a [ <!ELEMENTS a ANY> <!ATTLIS x> <!ATTLIST a b CDATA 'c'> ]><a/>",
        "<!DOCTYPE a [ x <!ATTLIST a b CDATA 'c'> ]><a/>",
        "<!DOCTYPE a [ <!-- unterminated " + std::string(70000, '-'),
        "<!DOCTYPE a [" + std::string(70000, ' ') + "]><a/>",
        "<!DOCTYPE a [" + std::string(70000, ' ') + "x]><a/>",
        "<!DOCTYPE a [ <!ENTITY e \"" + std::string(66000, 'x'),
        "<!DOCTYPE a \"[\" '>' [ %p; ]>",
        "<!DOCTYPE",
        "<!DOC",
        "<",
        "",
        "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"ISO-2022-JP\"?><a/>",
        "<?xml version=\"1.0\" " + std::string(2000, ' ') + "encoding=\"UTF-7\"?><a/>",
        "<?xml version=\"1.0\"" + std::string(1100, ' ') + " encoding=\"UTF-7\"?><a/>",
        "<?xml\tencoding='HZ'?>",
        "<?xml encoding='HZ'",
        std::string("\0\0\0<", 4),
        std::string("\0\0\0", 3),
    };
    for (const std::string& doc : documents) {
        CAPTURE(doc.substr(0, 60));
        bounds(doc);
    }
    // Namespace declarations across pieces, on both sides of the limit.
    std::string declarations;
    for (int i = 0; i < 256; ++i) declarations += " xmlns:p" + std::to_string(i) + " =\n'u'";
    CHECK_FALSE(bounds("<a" + declarations + "><b xmlnsx='1' xmlns-q='2'/></a>"));
    const auto over = bounds("<a" + declarations + ">\n<b xmlns='u'/></a>");
    REQUIRE(over);
    CHECK(over->line == 258);  // one newline in each declaration, one after <a>
    // UTF-16 with pieces of odd sizes: units cut in half.
    for (const bool little : {true, false}) {
        std::string doc = little ? "\xFF\xFE" : "\xFE\xFF";
        for (const char c : "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!-- x -->\n<a" + many + "/>") {
            doc += little ? c : '\0';
            doc += little ? '\0' : c;
        }
        doc += '\x41';  // an odd byte at the end is no character
        const auto violation = bounds(doc);
        REQUIRE(violation);
        CHECK(violation->line == 3);
    }
}

TEST_CASE("a scanner keeps its first violation, and finish() judges what the end leaves open") {
    MarkupBoundsScanner scanner;
    CHECK_FALSE(scanner.feed("<a"));
    CHECK_FALSE(scanner.feed(attributes(256)));
    const auto first = scanner.feed(" z=\"1\"");
    REQUIRE(first);
    CHECK(first->message == "a start tag with more than 256 attributes");
    CHECK(describe(scanner.feed("<b/>")) == describe(first));
    CHECK(describe(scanner.finish()) == describe(first));

    // A start tag cut off by the end still counts its namespace declarations.
    MarkupBoundsLimits limits;
    limits.max_namespaces_in_scope = 2;
    MarkupBoundsScanner open(limits);
    CHECK_FALSE(open.feed("<a xmlns='1' xmlns:b='2'><c xmlns:d='3'"));
    const auto at_end = open.finish();
    REQUIRE(at_end);
    CHECK(at_end->message == "more than 2 namespace declarations in scope");
    CHECK(describe(bounds("<a xmlns='1' xmlns:b='2'><c xmlns:d='3'", limits)) == describe(at_end));
}

}  // namespace patsub::xml::test
