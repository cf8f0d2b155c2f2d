// Byte-order marks that the document contradicts (issue 5, hostile corpus): libxml2 2.9
// decodes a UTF-16 document by its mark and ignores a declaration that says UTF-8, so
// the safe parser refuses the contradiction itself; a UTF-16 document that agrees with
// its mark is still read.
#include "parsers/xml/guard/safe_parser.h"

#include "xml_test_support.h"

namespace patsub::xml::test {
namespace {

// The ASCII text as UTF-16 (little or big endian) with a byte-order mark; "@" stands
// for U+4E2D (中) so that a decoded title shows the encoding was really honoured.
std::string utf16(std::string_view ascii, bool little) {
    std::string out = little ? std::string("\xFF\xFE") : std::string("\xFE\xFF");
    for (const char c : ascii) {
        const char high = c == '@' ? '\x4E' : '\0';
        const char low = c == '@' ? '\x2D' : c;
        out += little ? low : high;
        out += little ? high : low;
    }
    return out;
}

std::string grant_declaring(std::string_view encoding) {
    std::string doc = us_grant({.title = "Lamp @"});
    doc.replace(doc.find("UTF-8"), 5, encoding);
    return doc;
}

}  // namespace

TEST_CASE("a UTF-16 document whose declaration says UTF-8 is refused, naming both") {
    for (const bool little : {true, false}) {
        CAPTURE(little);
        const CollectingSink sink = read_string(utf16(grant_declaring("UTF-8"), little));
        CHECK(sink.documents.empty());
        REQUIRE(sink.refused.size() == 1);
        CHECK(sink.refused[0].line == 1);
        CHECK(sink.refused[0].cause == std::string("the byte-order mark says ") + (little ? "UTF-16LE" : "UTF-16BE") +
                                           " but the XML declaration says encoding \"UTF-8\"");
    }
}

TEST_CASE("8-bit text behind a UTF-16 byte-order mark is refused with that reason, not as empty") {
    const CollectingSink sink = read_string("\xFF\xFE" + us_grant());
    CHECK(sink.documents.empty());
    REQUIRE(sink.refused.size() == 1);
    CHECK(sink.refused[0].cause == "the byte-order mark says UTF-16LE but the text after it is 8-bit (UTF-8?)");
}

TEST_CASE("a UTF-16 document that agrees with its mark is read, with or without a declaration") {
    for (const bool little : {true, false}) {
        CAPTURE(little);
        for (const std::string_view declared : {"UTF-16", "utf-16"}) {
            CAPTURE(declared);
            const CollectingSink sink = read_string(utf16(grant_declaring(declared), little));
            const RawDocument document = only_document(sink);
            CHECK(document.title == "Lamp 中");
            CHECK(document.number == "07864699");
        }
        std::string bare = us_grant({.title = "Lamp @"});
        bare.erase(0, bare.find('\n') + 1);  // no declaration at all: the mark alone decides
        CHECK(only_document(read_string(utf16(bare, little))).title == "Lamp 中");
    }
}

TEST_CASE("a UTF-8 byte-order mark before another declared encoding is refused, in memory and streamed") {
    const std::string bom = "\xEF\xBB\xBF";
    // Latin-1 bytes of "Lampe à" behind a UTF-8 mark: a broken conversion, read as
    // mojibake before the splitter kept the mark for the parser to judge.
    std::string doc = bom + grant_declaring("ISO-8859-1");
    doc.replace(doc.find("Lamp @"), 6, "Lampe \xE0");
    for (const std::size_t threshold : {std::size_t{8} << 20, std::size_t{64}}) {
        CAPTURE(threshold);
        GrantFileOptions options;
        options.splitter.stream_threshold = threshold;
        const auto sink = read_string(doc, options);
        REQUIRE(sink.refused.size() == 1);
        CHECK(sink.refused[0].cause == "the byte-order mark says UTF-8 but the XML declaration says encoding \"ISO-8859-1\"");
        CHECK(sink.documents.empty());
    }
    // The same mark before a UTF-8 declaration, or none, is what `cat` of CNIPA files
    // leaves: read, in every document of a concatenation.
    const std::string good = bom + us_grant({.title = "Lamp @"});
    const auto sink = read_string(good + good);
    CHECK(sink.refused.empty());
    REQUIRE(sink.documents.size() == 2);
    CHECK(sink.documents[1].second.title == "Lamp @");
}

TEST_CASE("the byte-order mark check leaves 8-bit documents alone") {
    CHECK(read_string(us_grant()).documents.size() == 1);
    SafeReader tiny("\xFF\xFE<");  // too short to judge: libxml2 refuses it on its own
    CHECK_FALSE(tiny.parse());
    CHECK(tiny.failed());
}

}  // namespace patsub::xml::test

namespace patsub::xml::test {

TEST_CASE("a UTF-8 document declared as GB2312 is refused, not read as mojibake, in memory and streamed") {
    // 北京某某科技有限公司 as UTF-8 bytes under a GB2312 declaration.
    std::string doc = grant_declaring("GB2312");
    doc.replace(doc.find("Lamp @"), 6, "\u5317\u4EAC\u67D0\u67D0\u79D1\u6280\u6709\u9650\u516C\u53F8");
    for (const std::size_t threshold : {std::size_t{8} << 20, std::size_t{64}}) {
        CAPTURE(threshold);
        GrantFileOptions options;
        options.splitter.stream_threshold = threshold;
        const auto sink = read_string(doc, options);
        CHECK(sink.documents.empty());
        REQUIRE(sink.refused.size() == 1);
        CHECK(sink.refused[0].cause.find("encoding \"GB2312\" but the bytes are valid UTF-8") != std::string::npos);
        CHECK(sink.refused[0].cause.find("U+5317") != std::string::npos);
    }
}

TEST_CASE("text really in its declared legacy encoding is still read") {
    // Latin-1 "Lampe à" (E0 then ASCII: not UTF-8) and GB2312 中文 (D6 D0 CE C4).
    std::string latin1 = grant_declaring("ISO-8859-1");
    latin1.replace(latin1.find("Lamp @"), 6, "Lampe \xE0 \xE9t\xE9");
    CHECK(only_document(read_string(latin1)).title == "Lampe \u00E0 \u00E9t\u00E9");
    std::string gb = grant_declaring("GB2312");
    gb.replace(gb.find("Lamp @"), 6, "\xD6\xD0\xCE\xC4");
    CHECK(only_document(read_string(gb)).title == "\u4E2D\u6587");
    // A declared legacy encoding over pure ASCII is harmless.
    CHECK(only_document(read_string(grant_declaring("GBK"))).title == "Lamp @");
}

}  // namespace patsub::xml::test
