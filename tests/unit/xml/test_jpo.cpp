// JPO gazette reader on the real layout of JP 2021-509175 (jp_example4: no XML
// declaration, jp: namespace on the root only, PCT national phase).
#include "xml_test_support.h"

namespace patsub::xml::test {
namespace {

struct JpParts {
    std::string root_attributes = "kind-of-jp=\"T\" kind-of-st16=\"A\"";
    std::string applicants =
        "<applicant sequence=\"1\"><addressbook lang=\"ja\"><name>シージー  バイオ  カンパニー，リミテッド</name>"
        "<registered-number>515207651</registered-number><address><text>大韓民国  １３２１１  キョンギ−ド</text>"
        "</address></addressbook><addressbook lang=\"en\"><address><text>Republic of Korea</text></address>"
        "</addressbook></applicant>\n<agent sequence=\"1\" jp:kind=\"representative\"><addressbook><name>高石  橘馬"
        "</name></addressbook><jp:attorney/></agent>\n";
    std::string priorities =
        "<priority-claims><priority-claim sequence=\"1\" jp:kind=\"international\"><country>KR</country>"
        "<doc-number>10-2018-0000830</doc-number><date>20180103</date></priority-claim></priority-claims>\n";
    std::string pct = "<pct-or-regional-filing-data><document-id><doc-number>KR2018016728</doc-number>"
                      "<date>20181227</date></document-id></pct-or-regional-filing-data>\n";
};

std::string gazette(const JpParts& p = {}) {
    return "<jp-official-gazette " + p.root_attributes +
           " lang=\"ja\" dtd-version=\"1.0\" country=\"JP\" xmlns:jp=\"http://www.jpo.go.jp\"><bibliographic-data "
           "lang=\"ja\" country=\"JP\">\n<publication-reference><document-id><country>JP</country>"
           "<doc-number>2021509175</doc-number><kind>公表特許公報(A)</kind><date>20210318</date></document-id>"
           "</publication-reference>\n<application-reference><document-id><doc-number>2020536678</doc-number>"
           "<date>20181227</date></document-id></application-reference>\n<invention-title>着脱式体積測定装置"
           "</invention-title>\n<parties><jp:applicants-agents-article><jp:applicants-agents sequence=\"1\">\n" +
           p.applicants +
           "</jp:applicants-agents></jp:applicants-agents-article><inventors><inventor sequence=\"1\"><addressbook>"
           "<name>キム  インホ</name></addressbook></inventor></inventors></parties>\n" +
           p.priorities + p.pct +
           "<jp:total-pages>37</jp:total-pages></bibliographic-data><description><p num=\"0001\">本発明は"
           "</p></description></jp-official-gazette>\n";
}

}  // namespace

TEST_CASE("JPO: the kind comes from kind-of-st16, the Japanese kind text is the declared type") {
    const RawDocument d = only_document(read_string(gazette()));
    CHECK(d.format == "jpo");
    CHECK(d.line == 1);
    CHECK(d.office == "JP");
    CHECK(d.number == "2021509175");
    CHECK(d.kind == "A");
    CHECK(d.declared_type == "公表特許公報(A)");
    CHECK(d.date == "20210318");
    CHECK(d.application_number == "2020536678");
    CHECK(d.application_date == "20181227");
    CHECK(d.title == "着脱式体積測定装置");
    REQUIRE(d.patentees.size() == 1);  // the applicant, not the agent or the inventor
    CHECK(d.patentees[0].name == "シージー  バイオ  カンパニー，リミテッド");
    CHECK(d.patentees[0].address == "大韓民国  １３２１１  キョンギ−ド");  // the first addressbook's
    REQUIRE(d.priorities.size() == 1);
    CHECK(d.priorities[0].number == "10-2018-0000830");
    CHECK(d.pct_application == "KR2018016728");
}

TEST_CASE("JPO: kind-of-jp stands in for a missing kind-of-st16; an unknown kind passes through") {
    JpParts parts;
    parts.root_attributes = "kind-of-jp=\"Z\"";
    const RawDocument d = only_document(read_string(gazette(parts)));
    CHECK(d.kind == "Z");
}

TEST_CASE("JPO: optional blocks missing; several applicants with CDATA, markup and character references") {
    JpParts parts;
    parts.priorities = "";
    parts.pct = "";
    parts.applicants = "<applicant sequence=\"1\"><addressbook><name><![CDATA[凸版印刷株式会社]]></name>"
                       "</addressbook></applicant><applicant sequence=\"2\"><addressbook><name>&#x30C8;&#x30E8;&#x30BF;"
                       "<sub>自動車</sub>株式会社</name><address><text>愛知県</text></address></addressbook></applicant>";
    const RawDocument d = only_document(read_string(gazette(parts)));
    CHECK(d.priorities.empty());
    CHECK(d.pct_application.empty());
    REQUIRE(d.patentees.size() == 2);
    CHECK(d.patentees[0].name == "凸版印刷株式会社");
    CHECK(d.patentees[1].name == "トヨタ自動車株式会社");
    CHECK(d.patentees[1].address == "愛知県");
}

}  // namespace patsub::xml::test
