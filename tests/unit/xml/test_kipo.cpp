// KIPRIS Plus reader on the real layouts of the patent/utility and design search
// responses (leading blank lines after the declaration, flat item fields).
#include "xml_test_support.h"

namespace patsub::xml::test {
namespace {

std::string patent_item(std::string_view application, std::string_view registration, std::string_view status,
                        std::string_view opening = "", std::string_view applicant = "혜성씨앤씨주식회사") {
    return "\t\t\t<PatentUtilityInfo>\n\t\t\t\t<Applicant>" + std::string(applicant) +
           "</Applicant>\n\t\t\t\t<ApplicationDate>20231004</ApplicationDate>\n\t\t\t\t<ApplicationNumber>" +
           std::string(application) +
           "</ApplicationNumber>\n\t\t\t\t<Abstract>본 발명은 광케이블에 관한 것이다.</Abstract>\n"
           "\t\t\t\t<InventionName>공압 포설이 용이한 광케이블</InventionName>\n\t\t\t\t<OpeningDate>" +
           std::string(opening.empty() ? "" : "20170208") + "</OpeningDate>\n\t\t\t\t<OpeningNumber>" +
           std::string(opening) +
           "</OpeningNumber>\n\t\t\t\t<PublicNumber></PublicNumber>\n\t\t\t\t<PublicDate>20240326</PublicDate>\n"
           "\t\t\t\t<RegistrationDate>20240320</RegistrationDate>\n\t\t\t\t<RegistrationNumber>" +
           std::string(registration) + "</RegistrationNumber>\n\t\t\t\t<RegistrationStatus>" + std::string(status) +
           "</RegistrationStatus>\n\t\t\t</PatentUtilityInfo>\n";
}

std::string response(const std::string& items, std::string_view code = "") {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\n\n\n\n<response>\n\t<header>\n\t\t<resultCode>" +
           std::string(code) + "</resultCode>\n\t\t<resultMsg>" + (code.empty() ? "" : "INVALID SERVICE KEY") +
           "</resultMsg>\n\t</header>\n\t<body>\n\t\t<items>\n" + items + "\t\t</items>\n\t</body>\n</response>\n";
}

}  // namespace

TEST_CASE("KIPRIS: registered items are grants: B1 for 10, Y1 for 20, number without the 0000 suffix") {
    const CollectingSink sink = read_string(
        response(patent_item("1020230132011", "1026507480000", "등록") + patent_item("2020150005106", "2004825760000", "소멸")));
    for (const auto& problem : sink.refused) MESSAGE(problem.cause);
    REQUIRE(sink.documents.size() == 2);
    const RawDocument& patent = sink.documents[0].second;
    CHECK(patent.format == "kipo-kipris");
    CHECK(patent.office == "KR");
    CHECK(patent.number == "102650748");
    CHECK(patent.kind == "B1");
    CHECK(patent.date == "20240326");  // the registration gazette, not the registration day
    CHECK(patent.application_number == "1020230132011");
    CHECK(patent.application_date == "20231004");
    CHECK(patent.title == "공압 포설이 용이한 광케이블");
    REQUIRE(patent.patentees.size() == 1);
    CHECK(patent.patentees[0].name == "혜성씨앤씨주식회사");
    CHECK(patent.record == 1);
    CHECK(patent.line == 13);
    const RawDocument& utility = sink.documents[1].second;
    CHECK(utility.number == "200482576");
    CHECK(utility.kind == "Y1");  // lapsed (소멸) after registration: still a grant
    CHECK(utility.record == 2);
}

TEST_CASE("KIPRIS: laid-open items are application publications; unpublished ones are refused alone") {
    const CollectingSink sink = read_string(response(patent_item("1020220052206", "", "공개", "1020170000524") +
                                                     patent_item("1020220099999", "", "거절") +
                                                     patent_item("2020170000777", "", "공개", "2020170000524")));
    REQUIRE(sink.documents.size() == 2);
    CHECK(sink.documents[0].second.kind == "A");
    CHECK(sink.documents[0].second.number == "1020170000524");
    CHECK(sink.documents[0].second.date == "20170208");
    CHECK(sink.documents[1].second.kind == "U");
    CHECK(sink.documents[1].second.record == 3);
    REQUIRE(sink.refused.size() == 1);
    CHECK(sink.refused[0].record == 2);
    CHECK(sink.refused[0].cause ==
          "KIPRIS item (application 1020220099999, status 거절): neither registered nor laid open, so no publication");
}

TEST_CASE("KIPRIS: several applicants joined with '|'; a registration number of unknown type is refused") {
    const CollectingSink sink = read_string(response(patent_item("1020230132011", "1026507480000", "등록", "",
                                                                 "혜성씨앤씨주식회사 | <![CDATA[Kunming & Co]]>") +
                                                     patent_item("4020230132011", "4026507480000", "등록")));
    REQUIRE(sink.documents.size() == 1);
    REQUIRE(sink.documents[0].second.patentees.size() == 2);
    CHECK(sink.documents[0].second.patentees[1].name == "Kunming & Co");
    REQUIRE(sink.refused.size() == 1);
    CHECK(sink.refused[0].cause.find("does not start with 10, 20 or 30") != std::string::npos);
}

TEST_CASE("KIPRIS: design items with their own casing; a missing optional field stays empty") {
    const std::string design =
        "\t\t\t<totalCount>1</totalCount>\n\t\t\t<DesignInfo>\n\t\t\t\t<number>1</number>\n"
        "\t\t\t\t<applicationNumber>3020220047376</applicationNumber>\n\t\t\t\t<applicationDate>20221116"
        "</applicationDate>\n\t\t\t\t<publicationDate>20230228</publicationDate>\n\t\t\t\t<registrationDate>20230223"
        "</registrationDate>\n\t\t\t\t<registrationNumber>3012054170000</registrationNumber>\n"
        "\t\t\t\t<priorityNumber>JP 2022-012345</priorityNumber>\n\t\t\t\t<priorityDate>20220601</priorityDate>\n"
        "\t\t\t\t<applicationStatus>등록</applicationStatus>\n\t\t\t\t<applicantName>주식회사 에이치비티"
        "</applicantName>\n\t\t\t\t<articleName>포장용 상자</articleName>\n\t\t\t</DesignInfo>\n";
    const RawDocument d = only_document(read_string(response(design)));
    CHECK(d.number == "301205417");
    CHECK(d.kind == "S");
    CHECK(d.date == "20230228");
    CHECK(d.title == "포장용 상자");
    REQUIRE(d.priorities.size() == 1);
    CHECK(d.priorities[0].number == "JP 2022-012345");
    CHECK(d.priorities[0].country.empty());
    CHECK(d.pct_application.empty());
}

TEST_CASE("KIPRIS: an error response is refused with its code and message") {
    const CollectingSink sink = read_string(response("", "30"));
    CHECK(sink.documents.empty());
    REQUIRE(sink.refused.size() == 1);
    CHECK(sink.refused[0].cause == "KIPRIS Plus error response: resultCode 30, resultMsg 'INVALID SERVICE KEY'");
    CHECK(sink.refused[0].record == 0);
}

}  // namespace patsub::xml::test
