// The DOCDB pre-pass: only DOCDB roots, only the exch: declaration and the ISO entities,
// never inside comments, CDATA or PIs, lines kept, a size bound; and the compiled-in ISO
// entity table checked against the DTD it was generated from.
#include "parsers/xml/split/docdb_prepass.h"
#include "parsers/xml/split/iso_entities.h"

#include "xml_test_support.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

namespace patsub::xml::test {
namespace {

using Outcome = DocdbPrepass::Outcome;


// What DocdbRepairSource serves for `document` arriving in pieces of `piece` bytes, read
// `pull` bytes at a time.
std::string streamed(std::string_view document, std::size_t piece, std::size_t pull) {
    PieceSource source(std::string(document), piece);
    DocdbRepairSource repaired(source);
    std::string out;
    std::string buffer(pull, '\0');
    while (const std::size_t n = repaired.read(buffer.data(), buffer.size())) out.append(buffer, 0, n);
    CHECK(repaired.read(buffer.data(), buffer.size()) == 0);
    return out;
}

// The bytes the parser would be given for `document` when it is held whole.
std::string parsed_bytes(std::string_view document) {
    const DocdbPrepass whole = docdb_prepass(document, std::size_t{1} << 30);
    return whole.outcome == Outcome::repaired ? whole.bytes : std::string(document);
}

// docdb_prepass, and the proof that the streaming pre-pass gives the parser the same
// bytes whatever the pieces (with no size limit of its own).
DocdbPrepass run(std::string_view document, std::size_t max_bytes = 1 << 20) {
    const std::string expected = parsed_bytes(document);
    for (const std::size_t piece : {1, 2, 3, 7, 1 << 16}) {
        for (const std::size_t pull : {1, 5, 4000}) {
            CAPTURE(piece);
            CAPTURE(pull);
            CHECK(streamed(document, piece, pull) == expected);
        }
    }
    return docdb_prepass(document, max_bytes);
}

}  // namespace

TEST_CASE("prepass: an undeclared exch: root gains its namespace declaration, nothing else changes") {
    const std::string excerpt =
        "<exch:exchange-document country=\"WO\" doc-number=\"2022259205\">\n<exch:bibliographic-data/>\n"
        "</exch:exchange-document>";
    const DocdbPrepass result = run(excerpt);
    REQUIRE(result.outcome == Outcome::repaired);
    CHECK(result.bytes ==
          "<exch:exchange-document xmlns:exch=\"http://www.epo.org/exchange\" country=\"WO\" doc-number=\"2022259205\">\n"
          "<exch:bibliographic-data/>\n</exch:exchange-document>");
}

TEST_CASE("prepass: ISO entities become the DTD's character references; lines do not move") {
    const std::string doc = "<?xml version=\"1.0\"?>\n<exchange-document>\n<p a=\"&SACUTE;\">KO&SACUTE;NIK &amp; "
                            "data&ndash;driven &#x10D; &lt;&gt;</p>\n</exchange-document>\n";
    const DocdbPrepass result = run(doc);
    REQUIRE(result.outcome == Outcome::repaired);
    CHECK(result.bytes == "<?xml version=\"1.0\"?>\n<exchange-document>\n<p a=\"&#x0015A;\">KO&#x0015A;NIK &amp; "
                          "data&#x02013;driven &#x10D; &lt;&gt;</p>\n</exchange-document>\n");
    CHECK(std::count(result.bytes.begin(), result.bytes.end(), '\n') == std::count(doc.begin(), doc.end(), '\n'));
}

TEST_CASE("prepass: comments, CDATA sections, PIs and the prolog are left alone") {
    const std::string doc = "<!DOCTYPE exch:exchange-documents SYSTEM \"docdb-entities.dtd\" [ <!-- &ccaron; ]> -->"
                            " ]>\n<exch:exchange-documents xmlns:exch=\"http://www.epo.org/exchange\">"
                            "<!-- &ccaron; --><![CDATA[&ccaron;]]><?pi &ccaron;?>&ccaron;</exch:exchange-documents>";
    const DocdbPrepass result = run(doc);
    REQUIRE(result.outcome == Outcome::repaired);
    CHECK(result.bytes == "<!DOCTYPE exch:exchange-documents SYSTEM \"docdb-entities.dtd\" [ <!-- &ccaron; ]> -->"
                          " ]>\n<exch:exchange-documents xmlns:exch=\"http://www.epo.org/exchange\">"
                          "<!-- &ccaron; --><![CDATA[&ccaron;]]><?pi &ccaron;?>&#x0010D;</exch:exchange-documents>");
}

TEST_CASE("prepass: nothing to repair, or not DOCDB at all, means no copy") {
    // A bulk file that declares its prefix and uses only predefined entities.
    CHECK(run("<?xml version=\"1.0\"?><exch:exchange-documents xmlns:exch=\"http://www.epo.org/exchange\">"
              "<name>BERTIN &amp; CIE</name></exch:exchange-documents>")
              .outcome == Outcome::unchanged);
    // Other formats keep their bytes even when they hold the same entities: strict as ever.
    CHECK(run(us_grant()).outcome == Outcome::unchanged);
    CHECK(run("<ep-patent-document>&ccaron;</ep-patent-document>").outcome == Outcome::unchanged);
    CHECK(run("<exch:other-root>&ccaron;</exch:other-root>").outcome == Outcome::unchanged);
    CHECK(run("").outcome == Outcome::unchanged);
    CHECK(run("not xml").outcome == Outcome::unchanged);
}

TEST_CASE("prepass: unknown names and malformed references are left for libxml2 to refuse") {
    const DocdbPrepass result = run("<exchange-document>&madeup; &ccaron &; & x</exchange-document>");
    CHECK(result.outcome == Outcome::unchanged);
    // Read end to end, the unknown entity refuses the document.
    const CollectingSink sink = read_string("<exchange-document>&madeup;</exchange-document>");
    REQUIRE(sink.refused.size() == 1);
    CHECK(sink.refused[0].cause.find("madeup") != std::string::npos);
}

TEST_CASE("prepass: a repair that would exceed the size limit is refused, not built") {
    std::string doc = "<exch:exchange-document>";
    for (int i = 0; i < 100; ++i) doc += "&ap;";
    doc += "</exch:exchange-document>";
    const DocdbPrepass result = run(doc, doc.size() + 100);
    CHECK(result.outcome == Outcome::refused);
    CHECK(result.refusal.find("larger than") != std::string::npos);
    CHECK(run(doc, doc.size() * 4).outcome == Outcome::repaired);
}

TEST_CASE("prepass: an existing xmlns:exch is kept and not doubled") {
    const DocdbPrepass result = run("<exch:exchange-document a=\">\" xmlns:exch=\"http://www.epo.org/exchange\">"
                                    "&ndash;</exch:exchange-document>");
    REQUIRE(result.outcome == Outcome::repaired);
    CHECK(result.bytes == "<exch:exchange-document a=\">\" xmlns:exch=\"http://www.epo.org/exchange\">"
                          "&#x02013;</exch:exchange-document>");
}

TEST_CASE("streamed prepass: references, markers and the root cut by piece boundaries") {
    // Every case above already runs through run(); these put the hard spots at every
    // offset of a small piece.
    const std::string long_name(64, 'a');
    const std::vector<std::string> documents = {
        "<exch:exchange-documents>&ccaron;&ccaron&cca<!--&ccaron;-->&ndash;<!-&ndash;<![CDATA[&ndash;]]]>&ndash;"
        "<?pi &ndash;?\?>&ndash;<!-- -- --->&SACUTE;</exch:exchange-documents>",
        "<exch:exchange-document\n  a=\"&ndash;>\" xmlns:exchx=\"u\"\n>&" + long_name + ";&" + long_name +
            "b;&ccaron;</exch:exchange-document>",
        "<?xml version=\"1.0\"?><!--<exch:x>--><?pi <exch:y>?><!DOCTYPE exch:exchange-documents [ <!-- ]> --> ]>"
        "<exch:exchange-documents xmlns:exch=\"http://www.epo.org/exchange\">&ap;</exch:exchange-documents>",
        "\xEF\xBB\xBF  <exchange-documents>&b.alpha;&amp;&lt;</exchange-documents>",
        "<exch:exchange-documents a='>' b=\"'\" xmlns:exch='x'>&ccaron;",  // cut short: libxml2's to refuse
        "<exch:exchange-documents>&ccaron",
        "<exch:exchange-documents",
        "<exch:exchange-document",
        "<exch:exchange-documents><!-- &ccaron;",
        "<!DOCTYPE x [ <!-- unterminated",
        "<!DOC",
        "<",
        "x<exch:exchange-documents>&ccaron;</exch:exchange-documents>",
    };
    for (const std::string& doc : documents) {
        CAPTURE(doc);
        run(doc);
    }
    CHECK(parsed_bytes(documents[0]) ==
          "<exch:exchange-documents xmlns:exch=\"http://www.epo.org/exchange\">&#x0010D;&ccaron&cca<!--&ccaron;-->"
          "&#x02013;<!-&#x02013;<![CDATA[&ndash;]]]>&#x02013;<?pi &ndash;?\?>&#x02013;<!-- -- --->&#x0015A;"
          "</exch:exchange-documents>");
}

TEST_CASE("streamed prepass: a bulk file of many records is repaired as it passes, in bounded pieces") {
    std::string bulk = "<?xml version=\"1.0\"?>\n<exch:exchange-documents>\n";
    std::string expected = "<?xml version=\"1.0\"?>\n<exch:exchange-documents xmlns:exch=\"http://www.epo.org/exchange\">\n";
    for (int i = 0; i < 5000; ++i) {
        bulk += "<exch:exchange-document><name>KO&SACUTE;NIK " + std::to_string(i) + "</name></exch:exchange-document>\n";
        expected += "<exch:exchange-document><name>KO&#x0015A;NIK " + std::to_string(i) + "</name></exch:exchange-document>\n";
    }
    bulk += "</exch:exchange-documents>\n";
    expected += "</exch:exchange-documents>\n";
    CHECK(streamed(bulk, 4093, 4000) == expected);
    CHECK(streamed(bulk, 1 << 20, 1 << 20) == expected);
}

TEST_CASE("streamed prepass: a root start tag that does not end within the first MiB is passed on unchanged") {
    const std::string doc = "<exch:exchange-documents a=\"" + std::string(std::size_t{1} << 20, 'x') +
                            "\">&ccaron;</exch:exchange-documents>";
    CHECK(streamed(doc, 1 << 16, 1 << 16) == doc);
    // Held whole, it is repaired.
    CHECK(docdb_prepass(doc, std::size_t{1} << 30).outcome == Outcome::repaired);
}

TEST_CASE("the ISO entity table knows the names DOCDB uses, and not the predefined ones") {
    CHECK(iso_entity("ccaron") == std::optional<std::string_view>("&#x0010D;"));
    CHECK(iso_entity("SACUTE") == std::optional<std::string_view>("&#x0015A;"));
    CHECK(iso_entity("ndash") == std::optional<std::string_view>("&#x02013;"));
    CHECK(iso_entity("b.alpha") == std::optional<std::string_view>("&#x1D6C2;"));
    CHECK_FALSE(iso_entity("amp"));
    CHECK_FALSE(iso_entity("gt"));
    CHECK_FALSE(iso_entity("madeup"));
    CHECK_FALSE(iso_entity(""));
}

TEST_CASE("the compiled-in ISO entity table matches docdb-entities.dtd") {
    const auto root = samples_dir();
    if (!root) {
        MESSAGE("SKIPPED: shared/samples-real not found (PATSUB_SHARED_DIR undefined or missing)");
        return;
    }
    std::ifstream in(*root / "epo-docdb/docdb-entities.dtd", std::ios::binary);
    REQUIRE(in);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string dtd = buffer.str();
    // Commented-out declarations (the predefined amp and lt) do not count.
    dtd = std::regex_replace(dtd, std::regex("<!--[^]*?-->"), "");
    const std::regex declaration("<!ENTITY\\s+([^\\s\"%]+)\\s+\"([^\"]*)\"\\s*>");
    std::map<std::string, std::string> declared;
    for (auto it = std::sregex_iterator(dtd.begin(), dtd.end(), declaration); it != std::sregex_iterator(); ++it)
        declared.emplace((*it)[1].str(), (*it)[2].str());  // the first declaration wins, as in XML
    for (const char* predefined : {"amp", "lt", "gt", "quot", "apos"}) declared.erase(predefined);
    CHECK(declared.size() > 2000);
    CHECK(iso_entity_count() == declared.size());
    std::size_t mismatches = 0;
    for (const auto& [name, value] : declared) {
        const auto replacement = iso_entity(name);
        if (!replacement || *replacement != value) {
            ++mismatches;
            if (mismatches < 10) FAIL_CHECK("entity " << name << ": table has " << replacement.value_or("nothing"));
        }
    }
    CHECK(mismatches == 0);
}

}  // namespace patsub::xml::test
