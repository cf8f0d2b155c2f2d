// DOCDB reader: bulk exchange files and single exchange-documents, on the real layouts of
// DE-backfile.xml (bulk, declared namespace, DOCTYPE) and WO-2023012807-A1 (excerpt:
// no declaration, exch: prefix undeclared, named ISO entities).
#include "xml_test_support.h"

namespace patsub::xml::test {
namespace {

struct DocdbParts {
    std::string attributes = "country=\"WO\" doc-number=\"2023012807\" kind=\"A1\" doc-id=\"587406416\" "
                             "date-publ=\"20230209\" family-id=\"83004620\" is-representative=\"YES\"";
    std::string publication =
        "<exch:publication-reference data-format=\"docdb\"><document-id lang=\"en\"><country>WO</country>"
        "<doc-number>2023012807</doc-number><kind>A1</kind><date>20230209</date></document-id>"
        "</exch:publication-reference><exch:publication-reference data-format=\"epodoc\"><document-id lang=\"en\">"
        "<doc-number>WO2023012807</doc-number></document-id></exch:publication-reference>";
    std::string application =
        "<exch:application-reference is-representative=\"YES\" doc-id=\"577915875\" data-format=\"docdb\">"
        "<document-id><country>IL</country><doc-number>2022050854</doc-number><kind>W</kind><date>20220805</date>"
        "</document-id></exch:application-reference><exch:application-reference data-format=\"epodoc\">"
        "<document-id><doc-number>WO2022IL50854</doc-number></document-id></exch:application-reference>";
    std::string priorities =
        "<exch:priority-claims><exch:priority-claim sequence=\"1\" data-format=\"docdb\"><document-id>"
        "<country>US</country><doc-number>202163230089</doc-number><kind>P</kind><date>20210806</date>"
        "</document-id><exch:priority-active-indicator>Y</exch:priority-active-indicator></exch:priority-claim>"
        "<exch:priority-claim sequence=\"1\" data-format=\"epodoc\"><document-id><doc-number>US202163230089P"
        "</doc-number></document-id></exch:priority-claim><exch:priority-claim sequence=\"1\" "
        "data-format=\"original\"><document-id><doc-number>63/230,089</doc-number></document-id>"
        "</exch:priority-claim></exch:priority-claims>";
    std::string applicants =
        "<exch:applicant sequence=\"1\" data-format=\"docdb\"><exch:applicant-name><name>YEDA RES &amp; DEV    "
        "</name></exch:applicant-name><residence><country>IL</country></residence></exch:applicant>"
        "<exch:applicant sequence=\"1\" data-format=\"docdba\"><exch:applicant-name><name>YEDA RESEARCH AND "
        "DEVELOPMENT CO. LTD.</name></exch:applicant-name></exch:applicant>";
    std::string titles = "<exch:invention-title lang=\"en\" data-format=\"docdba\">METHOD FOR HUMANIZING ANTIBODIES"
                         "</exch:invention-title>";
};

std::string exchange_document(const DocdbParts& p = {}) {
    return "<exch:exchange-document " + p.attributes + "><exch:bibliographic-data>" + p.publication +
           p.application + p.priorities + "<exch:parties><exch:applicants>" + p.applicants +
           "</exch:applicants><exch:inventors><exch:inventor sequence=\"1\" data-format=\"docdb\"><exch:inventor-name>"
           "<name>FLEISHMAN SAREL</name></exch:inventor-name></exch:inventor></exch:inventors></exch:parties>" +
           p.titles +
           "<exch:references-cited><exch:citation><nplcit num=\"3\"><text>LEEM ET AL: \"data&ndash;driven\"</text>"
           "</nplcit></exch:citation></exch:references-cited></exch:bibliographic-data>"
           "<exch:abstract lang=\"en\"><exch:p>Humanized &lt;antibodies&gt;.</exch:p></exch:abstract>"
           "</exch:exchange-document>";
}

std::string bulk(const std::vector<std::string>& documents) {
    std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?><!DOCTYPE exch:exchange-documents "
                    "SYSTEM \"docdb-entities.dtd\"><exch:exchange-documents xmlns:exch=\"http://www.epo.org/exchange\" "
                    "date-of-exchange=\"20240218\" dtd-version=\"2.5.9\" file=\"DOCDB-202407-009-DE-0074\" "
                    "no-of-documents=\"0018626\" originating-office=\"EP\">";
    for (const std::string& d : documents) s += d + "\n    ";
    return s + "</exch:exchange-documents>\n";
}

}  // namespace

TEST_CASE("DOCDB: an excerpt with the undeclared exch: prefix and ISO entities reads to the docdb forms") {
    const RawDocument d = only_document(read_string(exchange_document()));
    CHECK(d.format == "docdb");
    CHECK(d.line == 1);
    CHECK(d.office == "WO");
    CHECK(d.number == "2023012807");
    CHECK(d.kind == "A1");
    CHECK(d.date == "20230209");
    CHECK(d.application_number == "2022050854");
    CHECK(d.application_date == "20220805");
    CHECK(d.pct_application == "IL2022050854");  // the docdb application has kind W
    CHECK(d.family_id == "83004620");
    CHECK(d.title == "METHOD FOR HUMANIZING ANTIBODIES");
    REQUIRE(d.patentees.size() == 1);
    CHECK(d.patentees[0].name == "YEDA RES & DEV");
    CHECK(d.patentees[0].country == "IL");
    CHECK(d.patentees[0].names == std::vector<std::string>{"YEDA RESEARCH AND DEVELOPMENT CO. LTD."});
    REQUIRE(d.priorities.size() == 1);  // one claim in three forms
    CHECK(d.priorities[0].country == "US");
    CHECK(d.priorities[0].number == "202163230089");
    CHECK(d.priorities[0].date == "20210806");
}

TEST_CASE("DOCDB: a bulk file emits one record per exchange-document, each with its own line") {
    DocdbParts second;
    second.attributes = "country=\"DE\" doc-number=\"1258189\" kind=\"B\" date-publ=\"19680104\" family-id=\"6980816\"";
    second.publication = "<exch:publication-reference data-format=\"docdb\"><document-id><country>DE</country>"
                         "<doc-number>1258189</doc-number><kind>B</kind><date>19680104</date></document-id>"
                         "</exch:publication-reference>";
    const CollectingSink sink = read_string(bulk({exchange_document(), exchange_document(second)}));
    for (const auto& problem : sink.refused) MESSAGE(problem.cause);
    REQUIRE(sink.documents.size() == 2);
    CHECK(sink.documents[0].first == 1);
    CHECK(sink.documents[1].first == 1);  // the same XML document
    CHECK(sink.documents[0].second.record == 1);
    CHECK(sink.documents[1].second.record == 2);
    CHECK(sink.documents[0].second.line == 1);
    CHECK(sink.documents[1].second.line == 2);
    CHECK(sink.documents[1].second.number == "1258189");
    CHECK(sink.documents[1].second.family_id == "6980816");
}

TEST_CASE("DOCDB: several applicants in several forms are matched by sequence, in docdb order") {
    DocdbParts parts;
    parts.applicants =
        "<exch:applicant sequence=\"1\" data-format=\"docdb\"><exch:applicant-name><name>FRANCE ETAT</name>"
        "</exch:applicant-name></exch:applicant>"
        "<exch:applicant sequence=\"2\" data-format=\"docdb\"><exch:applicant-name><name>BERTIN &amp; CIE</name>"
        "</exch:applicant-name><residence><country>FR</country></residence></exch:applicant>"
        "<exch:applicant sequence=\"1\" data-format=\"docdba\"><exch:applicant-name><name>ETAT FRAN&Ccedil;AIS</name>"
        "</exch:applicant-name></exch:applicant>"
        "<exch:applicant sequence=\"2\" data-format=\"original\"><exch:applicant-name><name>Soci&eacute;t&eacute; "
        "<b>Bertin</b> &amp; Cie</name></exch:applicant-name></exch:applicant>"
        "<exch:applicant sequence=\"2\" data-format=\"docdba\"><exch:applicant-name><name><![CDATA[BERTIN & CIE]]>"
        "</name></exch:applicant-name></exch:applicant>";
    const RawDocument d = only_document(read_string(exchange_document(parts)));
    REQUIRE(d.patentees.size() == 2);
    CHECK(d.patentees[0].name == "FRANCE ETAT");
    CHECK(d.patentees[0].names == std::vector<std::string>{"ETAT FRAN\u00c7AIS"});
    CHECK(d.patentees[1].name == "BERTIN & CIE");
    CHECK(d.patentees[1].country == "FR");
    // Markup inside a name flattens; the CDATA spelling equals the docdb one and is dropped.
    CHECK(d.patentees[1].names == std::vector<std::string>{"Soci\u00e9t\u00e9 Bertin & Cie"});
}

TEST_CASE("DOCDB: missing optional blocks; the epodoc form stands in; attributes fill the publication") {
    DocdbParts parts;
    parts.publication = "";  // the exchange-document attributes still name the publication
    parts.application = "<exch:application-reference data-format=\"epodoc\"><document-id><doc-number>"
                        "YU20010000067</doc-number></document-id></exch:application-reference>";
    parts.priorities = "";
    parts.titles = "";
    parts.applicants = "";
    parts.attributes = "country=\"YU\" doc-number=\"6701\" kind=\"A\" date-publ=\"20031231\" family-id=\"22248526\"";
    const RawDocument d = only_document(read_string(exchange_document(parts)));
    CHECK(d.office == "YU");
    CHECK(d.number == "6701");
    CHECK(d.kind == "A");
    CHECK(d.date == "20031231");
    CHECK(d.application_number == "20010000067");  // epodoc, country split off
    CHECK(d.pct_application.empty());
    CHECK(d.priorities.empty());
    CHECK(d.patentees.empty());
    CHECK(d.title.empty());
}

TEST_CASE("DOCDB: numeric character references and an unknown kind pass through as printed") {
    DocdbParts parts;
    parts.attributes = "country=\"YU\" doc-number=\"6701\" kind=\"Q9\" date-publ=\"20031231\"";
    parts.publication = "<exch:publication-reference data-format=\"docdb\"><document-id><country>YU</country>"
                        "<doc-number>6701</doc-number><kind>Q9</kind><date>20031231</date></document-id>"
                        "</exch:publication-reference>";
    parts.titles = "<exch:invention-title lang=\"sh\">&#x54;&#x52;&#x49;&#x43;&#x49;&#x4b;&#x4c;&#x49;&#x0010C;"
                   "&#x4e;&#x49;</exch:invention-title>";
    const RawDocument d = only_document(read_string(exchange_document(parts)));
    CHECK(d.kind == "Q9");
    CHECK(d.title == "TRICIKLI\u010cNI");
}

TEST_CASE("DOCDB: the unprefixed excerpt without any namespace is read the same way") {
    std::string doc = exchange_document();
    for (std::size_t at = doc.find("exch:"); at != std::string::npos; at = doc.find("exch:", at)) doc.erase(at, 5);
    const RawDocument d = only_document(read_string(doc));
    CHECK(d.number == "2023012807");
    CHECK(d.patentees.size() == 1);
}

TEST_CASE("DOCDB: a record without any publication number is refused alone") {
    DocdbParts broken;
    broken.attributes = "country=\"DE\" kind=\"B\" family-id=\"1\"";
    broken.publication = "";
    const CollectingSink sink = read_string(bulk({exchange_document(), exchange_document(broken), exchange_document()}));
    REQUIRE(sink.documents.size() == 2);
    CHECK(sink.documents[0].second.record == 1);
    CHECK(sink.documents[1].second.record == 3);
    REQUIRE(sink.refused.size() == 1);
    CHECK(sink.refused[0].record == 2);
    CHECK(sink.refused[0].document_index == 1);
    CHECK(sink.refused[0].line == 2);
    CHECK(sink.refused[0].cause == "no publication number");
}

TEST_CASE("DOCDB: a bulk file broken in its third record keeps the two before and refuses the document") {
    std::string third = exchange_document();
    third.replace(third.find("</exch:bibliographic-data>"), 26, "</exch:bibliographic-dat>");
    const CollectingSink sink = read_string(bulk({exchange_document(), exchange_document(), third}));
    REQUIRE(sink.documents.size() == 2);
    CHECK(sink.documents[1].second.record == 2);
    REQUIRE(sink.refused.size() == 1);
    CHECK(sink.refused[0].record == 0);  // the XML document as a whole
    CHECK(sink.refused[0].line == 3);
}

TEST_CASE("DOCDB: an entity outside the ISO sets still refuses the excerpt") {
    DocdbParts parts;
    parts.titles = "<exch:invention-title lang=\"en\">A &madeup; title</exch:invention-title>";
    const CollectingSink sink = read_string(exchange_document(parts));
    CHECK(sink.documents.empty());
    REQUIRE(sink.refused.size() == 1);
    CHECK(sink.refused[0].cause.find("madeup") != std::string::npos);
}

}  // namespace patsub::xml::test
