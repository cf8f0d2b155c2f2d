// OPS reader: biblio and family responses on the real layouts of the patent_client and
// epo-ops fixtures (published-data_..._CA.2300029.C_biblio.xml, family_..._EP.2906782.A2_.xml,
// ops_family_biblio_EP2400812.xml), and the EP Register response that must be refused.
#include "xml_test_support.h"

namespace patsub::xml::test {
namespace {

const std::string kOpen = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><?xml-stylesheet type=\"text/xsl\" "
                          "href=\"/3.2/style/exchange.xsl\"?>\n<ops:world-patent-data xmlns=\"http://www.epo.org/exchange\" "
                          "xmlns:ops=\"http://ops.epo.org\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n";
const std::string kClose = "</ops:world-patent-data>\n";

struct BiblioParts {
    std::string attributes = "system=\"ops.epo.org\" family-id=\"23011249\" country=\"CA\" doc-number=\"2300029\" kind=\"C\"";
    std::string kind = "C";
    std::string priorities =
        "<priority-claims><priority-claim sequence=\"1\" kind=\"national\"><document-id document-id-type=\"epodoc\">"
        "<doc-number>US19990265629</doc-number><date>19990309</date></document-id>"
        "<document-id document-id-type=\"original\"><doc-number>09/265,629</doc-number></document-id>"
        "</priority-claim></priority-claims>\n";
    std::string applicants =
        "<applicant sequence=\"1\" data-format=\"epodoc\"><applicant-name><name>SCIENT DRILLING INT [US]</name>"
        "</applicant-name></applicant>\n<applicant sequence=\"1\" data-format=\"original\"><applicant-name>"
        "<name>SCIENTIFIC DRILLING INTERNATIONAL</name></applicant-name></applicant>\n";
    std::string titles = "<invention-title lang=\"fr\">METHODE ET APPAREIL COMBINE</invention-title>\n"
                         "<invention-title lang=\"en\">COMBINED ELECTRIC FIELD TELEMETRY</invention-title>\n";
};

std::string exchange_document(const BiblioParts& p = {}) {
    return "<exchange-document " + p.attributes +
           ">\n<bibliographic-data>\n<publication-reference><document-id document-id-type=\"docdb\"><country>CA</country>"
           "<doc-number>2300029</doc-number><kind>" +
           p.kind +
           "</kind><date>20051101</date></document-id><document-id document-id-type=\"epodoc\"><doc-number>CA2300029"
           "</doc-number><date>20051101</date></document-id></publication-reference>\n"
           "<application-reference doc-id=\"4660727\"><document-id document-id-type=\"docdb\"><country>CA</country>"
           "<doc-number>2300029</doc-number><kind>A</kind></document-id><document-id document-id-type=\"epodoc\">"
           "<doc-number>CA20002300029</doc-number><date>20000306</date></document-id></application-reference>\n" +
           p.priorities + "<parties><applicants>\n" + p.applicants +
           "</applicants><inventors><inventor sequence=\"1\" data-format=\"epodoc\"><inventor-name><name>PRICE "
           "TIMOTHY [US]</name></inventor-name></inventor></inventors></parties>\n" +
           p.titles + "</bibliographic-data>\n<abstract lang=\"en\"><p>An apparatus.</p></abstract>\n</exchange-document>\n";
}

std::string biblio(const std::vector<std::string>& documents) {
    std::string s = kOpen + "<exchange-documents>\n";
    for (const std::string& d : documents) s += d;
    return s + "</exchange-documents>\n" + kClose;
}

// A family member without biblio: its own references only.
std::string family_member(std::string_view country, std::string_view number, std::string_view kind) {
    return "<ops:family-member family-id=\"50474376\">\n<publication-reference><document-id document-id-type=\"docdb\">"
           "<country>" + std::string(country) + "</country><doc-number>" + std::string(number) +
           "</doc-number><kind>" + std::string(kind) +
           "</kind><date>20150819</date></document-id></publication-reference>\n"
           "<application-reference doc-id=\"417086179\"><document-id document-id-type=\"docdb\"><country>EP</country>"
           "<doc-number>13844704</doc-number><kind>A</kind><date>20131011</date></document-id>"
           "</application-reference>\n<priority-claim sequence=\"1\" kind=\"national\"><document-id "
           "document-id-type=\"docdb\"><country>US</country><doc-number>201261713164</doc-number><kind>P</kind>"
           "<date>20121012</date></document-id></priority-claim>\n<priority-claim sequence=\"2\" kind=\"national\">"
           "<document-id document-id-type=\"docdb\"><country>US</country><doc-number>2013064552</doc-number>"
           "<kind>W</kind><date>20131011</date></document-id><priority-linkage-type>W</priority-linkage-type>"
           "</priority-claim>\n</ops:family-member>\n";
}

}  // namespace

TEST_CASE("OPS: a biblio response maps docdb and epodoc forms; epodoc names give their country") {
    const RawDocument d = only_document(read_string(biblio({exchange_document()})));
    CHECK(d.format == "ops");
    CHECK(d.line == 4);
    CHECK(d.office == "CA");
    CHECK(d.number == "2300029");
    CHECK(d.kind == "C");
    CHECK(d.date == "20051101");
    CHECK(d.application_number == "2300029");
    CHECK(d.application_date == "20000306");  // only the epodoc document-id has it
    CHECK(d.family_id == "23011249");
    CHECK(d.title == "COMBINED ELECTRIC FIELD TELEMETRY");
    REQUIRE(d.patentees.size() == 1);
    CHECK(d.patentees[0].name == "SCIENT DRILLING INT");
    CHECK(d.patentees[0].country == "US");
    CHECK(d.patentees[0].names == std::vector<std::string>{"SCIENTIFIC DRILLING INTERNATIONAL"});
    REQUIRE(d.priorities.size() == 1);
    CHECK(d.priorities[0].country == "US");
    CHECK(d.priorities[0].number == "19990265629");
    CHECK(d.priorities[0].date == "19990309");
}

TEST_CASE("OPS: several exchange-documents are several records; an EN SPACE before [FI] is a separator") {
    BiblioParts second;
    second.kind = "B9";  // unknown to nobody but the kind table: passed through as printed
    second.applicants =
        "<applicant sequence=\"1\" data-format=\"epodoc\"><applicant-name><name>9SOLUTIONS OY\u2002[FI]</name>"
        "</applicant-name></applicant>\n<applicant sequence=\"2\" data-format=\"epodoc\"><applicant-name>"
        "<name>HERRALA <i>SAMI</i> [FI]</name></applicant-name></applicant>\n";
    const CollectingSink sink = read_string(biblio({exchange_document(), exchange_document(second)}));
    REQUIRE(sink.documents.size() == 2);
    const RawDocument& d = sink.documents[1].second;
    CHECK(d.record == 2);
    CHECK(d.kind == "B9");
    REQUIRE(d.patentees.size() == 2);
    CHECK(d.patentees[0].name == "9SOLUTIONS OY");
    CHECK(d.patentees[0].country == "FI");
    CHECK(d.patentees[1].name == "HERRALA SAMI");  // markup inside the name flattens
    CHECK(d.line > sink.documents[0].second.line);
}

TEST_CASE("OPS: family members without biblio are records of their own references; W priorities give the PCT") {
    const std::string doc = kOpen + "<ops:patent-family legal=\"false\" total-result-count=\"2\">\n"
                                    "<ops:publication-reference><document-id document-id-type=\"docdb\"><country>EP</country>"
                                    "<doc-number>2906782</doc-number><kind>A2</kind></document-id></ops:publication-reference>\n" +
                            family_member("EP", "2906782", "A2") + family_member("CN", "104968889", "A") +
                            "</ops:patent-family>\n" + kClose;
    const CollectingSink sink = read_string(doc);
    for (const auto& problem : sink.refused) MESSAGE(problem.cause);
    REQUIRE(sink.documents.size() == 2);  // the ops:publication-reference of the query is no record
    const RawDocument& cn = sink.documents[1].second;
    CHECK(cn.office == "CN");
    CHECK(cn.number == "104968889");
    CHECK(cn.application_number == "13844704");
    CHECK(cn.family_id == "50474376");
    CHECK(cn.patentees.empty());
    REQUIRE(cn.priorities.size() == 2);
    CHECK(cn.pct_application == "US2013064552");
}

TEST_CASE("OPS: a family member with biblio takes the exchange-document's priorities, not both lists") {
    std::string member = family_member("CA", "2300029", "C");
    member.insert(member.find("</ops:family-member>"), exchange_document());
    const std::string doc = kOpen + "<ops:patent-family>\n" + member + "</ops:patent-family>\n" + kClose;
    const RawDocument d = only_document(read_string(doc));
    CHECK(d.number == "2300029");
    CHECK(d.family_id == "50474376");  // the member's, read first
    REQUIRE(d.priorities.size() == 1);
    CHECK(d.priorities[0].number == "19990265629");
    REQUIRE(d.patentees.size() == 1);
}

TEST_CASE("OPS: titles with CDATA, markup and character references; no English title keeps the first") {
    BiblioParts parts;
    parts.titles = "<invention-title lang=\"de\"><![CDATA[Bohr- & Messger\u00e4t]]> &#x2013; H<sub>2</sub>O</invention-title>"
                   "<invention-title lang=\"fr\">Appareil</invention-title>";
    parts.priorities = "";  // a missing optional block
    const RawDocument d = only_document(read_string(biblio({exchange_document(parts)})));
    CHECK(d.title == "Bohr- & Messger\u00e4t \u2013 H2O");
    CHECK(d.priorities.empty());
}

TEST_CASE("OPS: a biblio search result holds exchange-documents one level deeper") {
    const std::string doc = kOpen + "<ops:biblio-search total-result-count=\"1\"><ops:search-result>"
                                    "<exchange-documents>\n" +
                            exchange_document() + "</exchange-documents></ops:search-result></ops:biblio-search>\n" + kClose;
    const RawDocument d = only_document(read_string(doc));
    CHECK(d.number == "2300029");
}

TEST_CASE("OPS: an EP Register response is refused with its reason; an empty response is refused too") {
    const std::string reg =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<ops:world-patent-data "
        "xmlns:ops=\"http://ops.epo.org\" xmlns:reg=\"http://www.epo.org/register\">\n"
        "<ops:register-search total-result-count=\"1\">\n<reg:register-documents><reg:register-document>"
        "<reg:bibliographic-data country=\"EP\"/></reg:register-document></reg:register-documents>\n"
        "</ops:register-search>\n</ops:world-patent-data>\n";
    CollectingSink sink = read_string(reg);
    CHECK(sink.documents.empty());
    REQUIRE(sink.refused.size() == 1);
    CHECK(sink.refused[0].cause.starts_with("EP Register response, not publication data"));
    CHECK(sink.refused[0].line == 3);

    sink = read_string(kOpen + "<exchange-documents/>\n" + kClose);
    CHECK(sink.documents.empty());
    REQUIRE(sink.refused.size() == 1);
    CHECK(sink.refused[0].cause ==
          "no patent record found in root element <world-patent-data> in namespace http://ops.epo.org");
}

}  // namespace patsub::xml::test
