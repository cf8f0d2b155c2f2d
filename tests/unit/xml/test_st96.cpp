// WIPO ST.96 PatentPublication reader on the real layout of the V6_0 example instance.
#include "xml_test_support.h"

namespace patsub::xml::test {
namespace {

struct St96Parts {
    std::string kind = "B2";
    std::string priorities =
        "<pat:PriorityClaimBag><pat:PriorityClaim com:sequenceNumber=\"01\"><com:IPOfficeCode>JP</com:IPOfficeCode>"
        "<com:ApplicationNumber><com:ApplicationNumberText>2007-290922</com:ApplicationNumberText>"
        "</com:ApplicationNumber><pat:FilingDate>2007-11-08</pat:FilingDate></pat:PriorityClaim></pat:PriorityClaimBag>\n";
    std::string assignees =
        "<pat:AssigneeBag><pat:Assignee><com:PublicationContact><com:Name><com:EntityName>Mitsubishi Heavy "
        "Industries, Ltd.</com:EntityName></com:Name></com:PublicationContact></pat:Assignee><pat:Assignee>"
        "<com:PublicationContact><com:Name><com:EntityName>National Institute of Advanced Industrial Science and "
        "Technology</com:EntityName></com:Name></com:PublicationContact></pat:Assignee></pat:AssigneeBag>\n";
};

std::string publication(const St96Parts& p = {}) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<pat:PatentPublication "
           "xmlns:pat=\"http://www.wipo.int/standards/XMLSchema/ST96/Patent\"\n"
           " xmlns:com=\"http://www.wipo.int/standards/XMLSchema/ST96/Common\" com:st96Version=\"V6_0\">\n"
           "<com:IPOfficeCode>US</com:IPOfficeCode>\n<pat:BibliographicData com:st96Version=\"V6_0\">\n"
           "<pat:PatentPublicationIdentification><com:IPOfficeCode>US</com:IPOfficeCode><pat:PublicationNumber>"
           "08936998</pat:PublicationNumber><com:PatentDocumentKindCode>" +
           p.kind +
           "</com:PatentDocumentKindCode><com:PublicationDate>2015-01-20</com:PublicationDate>"
           "</pat:PatentPublicationIdentification>\n<pat:ApplicationIdentification><com:IPOfficeCode>US"
           "</com:IPOfficeCode><com:ApplicationNumber><com:ApplicationNumberText>13797521</com:ApplicationNumberText>"
           "</com:ApplicationNumber><pat:InventionSubjectMatterCategory>Utility</pat:InventionSubjectMatterCategory>"
           "<pat:FilingDate>2013-03-12</pat:FilingDate></pat:ApplicationIdentification>\n" +
           p.priorities +
           "<pat:InventionTitleBag><pat:InventionTitle com:id=\"d2e61\">Manufcaturing method for room-temperature "
           "substrate bonding</pat:InventionTitle></pat:InventionTitleBag>\n<pat:RelatedDocumentBag><pat:Division>"
           "<pat:ParentDocument><pat:PCTDocumentParent><pat:ApplicationIdentification><com:IPOfficeCode>WO"
           "</com:IPOfficeCode><com:ApplicationNumber><com:ApplicationNumberText>PCT/JP2008/068544"
           "</com:ApplicationNumberText></com:ApplicationNumber></pat:ApplicationIdentification></pat:PCTDocumentParent>"
           "</pat:ParentDocument></pat:Division></pat:RelatedDocumentBag>\n<pat:PartyBag><pat:ApplicantBag>"
           "<pat:Applicant com:sequenceNumber=\"001\"><com:PublicationContact><com:Name><com:PersonName>"
           "<com:PersonStructuredName><com:FirstName>Jun</com:FirstName><com:LastName>Utsumi</com:LastName>"
           "</com:PersonStructuredName></com:PersonName></com:Name><com:PostalAddressBag><com:PostalAddress>"
           "<com:PostalStructuredAddress><com:CityName>Tokyo</com:CityName><com:CountryCode>JP</com:CountryCode>"
           "</com:PostalStructuredAddress></com:PostalAddress></com:PostalAddressBag></com:PublicationContact>"
           "</pat:Applicant></pat:ApplicantBag>\n" +
           p.assignees + "</pat:PartyBag>\n</pat:BibliographicData>\n<pat:Claims/>\n</pat:PatentPublication>\n";
}

}  // namespace

TEST_CASE("ST.96: the publication identification, application and assignees map; ISO dates as printed") {
    const RawDocument d = only_document(read_string(publication()));
    CHECK(d.format == "st96");
    CHECK(d.line == 3);  // libxml2 numbers an element by the line its start tag ends on
    CHECK(d.office == "US");
    CHECK(d.number == "08936998");
    CHECK(d.kind == "B2");
    CHECK(d.date == "2015-01-20");
    CHECK(d.application_number == "13797521");
    CHECK(d.application_date == "2013-03-12");
    CHECK(d.declared_type == "Utility");
    CHECK(d.title == "Manufcaturing method for room-temperature substrate bonding");
    REQUIRE(d.patentees.size() == 2);
    CHECK(d.patentees[0].name == "Mitsubishi Heavy Industries, Ltd.");
    REQUIRE(d.priorities.size() == 1);
    CHECK(d.priorities[0].country == "JP");
    CHECK(d.priorities[0].number == "2007-290922");
    CHECK(d.priorities[0].date == "2007-11-08");
    CHECK(d.pct_application.empty());  // the parent's PCT application is not this document's
}

TEST_CASE("ST.96: without assignees the applicants (persons, with an address) are the patentees") {
    St96Parts parts;
    parts.assignees = "";
    parts.priorities = "";
    parts.kind = "X7";
    const RawDocument d = only_document(read_string(publication(parts)));
    CHECK(d.kind == "X7");
    CHECK(d.priorities.empty());
    REQUIRE(d.patentees.size() == 1);
    CHECK(d.patentees[0].name == "Jun Utsumi");
    CHECK(d.patentees[0].city == "Tokyo");
    CHECK(d.patentees[0].country == "JP");
}

TEST_CASE("ST.96: markup, CDATA and character references in names flatten") {
    St96Parts parts;
    parts.assignees = "<pat:AssigneeBag><pat:Assignee><com:PublicationContact><com:Name><com:EntityName>"
                      "<![CDATA[Kunming & ]]>Dian<b>chi</b> &#x6606;&#x660E;</com:EntityName></com:Name>"
                      "</com:PublicationContact></pat:Assignee></pat:AssigneeBag>";
    const RawDocument d = only_document(read_string(publication(parts)));
    REQUIRE(d.patentees.size() == 1);
    CHECK(d.patentees[0].name == "Kunming & Dianchi 昆明");
}

TEST_CASE("ST.96: a design application is skipped with its reason") {
    const CollectingSink sink = read_string(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<dgn:DesignApplication "
        "xmlns:dgn=\"http://www.wipo.int/standards/XMLSchema/ST96/Design\"><dgn:DesignBag/></dgn:DesignApplication>\n");
    CHECK(sink.documents.empty());
    CHECK(sink.refused.empty());
    REQUIRE(sink.skipped.size() == 1);
    CHECK(sink.skipped[0].why.find("design application") != std::string::npos);
}

}  // namespace patsub::xml::test
