// read_grant_file / read_grant_source: one bad document never stops the others, and
// every outcome carries the file's line numbers.
#include "parsers/xml/grant_file_reader.h"

#include "parsers/xml/readers/element_walker.h"

#include "xml_test_support.h"

#include <cstdio>
#include <fstream>
#include <system_error>

namespace patsub::xml::test {
namespace {

const std::string kCnLegacy =
    "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<?xml-stylesheet type=\"text/xsl\" href=\"/showxml/xsl/XSL0117new.xsl\"?>\n"
    "<cn-patent-document lang=\"ZH\" country=\"CN\">\n"
    "  <cn-bibliographic-data>\n"
    "    <cn-publication-reference>\n"
    "      <document-id>\n        <country>CN</country>\n        <doc-number>104245143</doc-number>\n"
    "        <kind>A</kind>\n        <date>20141224</date>\n      </document-id>\n"
    "    </cn-publication-reference>\n"
    "    <application-reference appl-type=\"发明专利\">\n"
    "      <document-id>\n        <country>CN</country>\n        <doc-number>201480000986.0</doc-number>\n"
    "        <date>20140328</date>\n      </document-id>\n    </application-reference>\n"
    "    <priority-claims>\n      <priority-claim sequence=\"1\" kind=\"international\">\n"
    "        <country>KR</country>\n        <doc-number>10-2013-0033547</doc-number>\n"
    "        <date>20130328</date>\n      </priority-claim>\n    </priority-claims>\n"
    "    <invention-title>筛选方法及筛选装置</invention-title>\n"
    "    <cn-parties>\n      <cn-applicants cn-representative-is=\"韩国京畿道果川市\">\n"
    "        <cn-applicant sequence=\"1\">\n          <addressbook lang=\"ZH\">\n"
    "            <name>可隆科技特株式会社</name>\n            <address>\n              <text>韩国京畿道果川市</text>\n"
    "            </address>\n          </addressbook>\n        </cn-applicant>\n      </cn-applicants>\n"
    "    </cn-parties>\n"
    "    <pct-or-regional-filing-data>\n      <document-id>\n        <country>KR</country>\n"
    "        <doc-number>PCT/KR2014/002669</doc-number>\n        <date>20140328</date>\n      </document-id>\n"
    "    </pct-or-regional-filing-data>\n"
    "  </cn-bibliographic-data>\n"
    "</cn-patent-document>\n";

}  // namespace

TEST_CASE("two concatenated documents where the second is broken: the first is still read") {
    const std::string first = us_grant();
    UsGrantParts broken_parts;
    broken_parts.number = "07864700";
    broken_parts.description = "<p>unclosed\n";
    const std::string second = us_grant(broken_parts);
    const CollectingSink sink = read_string(first + second);
    REQUIRE(sink.documents.size() == 1);
    CHECK(sink.documents[0].first == 1);
    CHECK(sink.documents[0].second.number == "07864699");
    REQUIRE(sink.refused.size() == 1);
    CHECK(sink.refused[0].document_index == 2);
    // The line is the file's, not the second document's.
    const long first_lines = line_of(first + "\x01", "\x01") - 1;
    CHECK(sink.refused[0].line > first_lines + line_of(second, "<p>unclosed") - 1);
    CHECK(sink.refused[0].cause.find("p") != std::string::npos);
}

TEST_CASE("a broken document in the middle does not stop the ones after it") {
    UsGrantParts bad;
    bad.number = "07000001";
    bad.title = "&ldquo;";
    UsGrantParts third;
    third.number = "07000002";
    const std::string first = us_grant();
    const std::string middle = us_grant(bad);
    const CollectingSink sink = read_string(first + middle + us_grant(third));
    REQUIRE(sink.documents.size() == 2);
    CHECK(sink.documents[0].first == 1);
    CHECK(sink.documents[1].first == 3);
    CHECK(sink.documents[1].second.number == "07000002");
    const long first_lines = static_cast<long>(std::count(first.begin(), first.end(), '\n'));
    CHECK(sink.documents[1].second.line == 2 * first_lines + 3);
    REQUIRE(sink.refused.size() == 1);
    CHECK(sink.refused[0].document_index == 2);
    CHECK(sink.refused[0].line == first_lines + line_of(middle, "&ldquo;"));
}

TEST_CASE("a USPTO grant built on the real layout maps every field") {
    const CollectingSink sink = read_string(us_grant());
    REQUIRE(sink.documents.size() == 1);
    const RawDocument& d = sink.documents[0].second;
    CHECK(d.format == "uspto-grant");
    CHECK(d.line == 3);
    CHECK(d.office == "US");
    CHECK(d.number == "07864699");
    CHECK(d.kind == "B2");
    CHECK(d.date == "20110104");
    CHECK(d.application_number == "12840608");
    CHECK(d.application_date == "20100721");
    CHECK(d.declared_type == "utility");
    REQUIRE(d.patentees.size() == 1);  // the assignee, not the applicant-inventor
    CHECK(d.patentees[0].name == "Huawei Technologies Co., Ltd.");
    REQUIRE(d.priorities.size() == 1);
    CHECK(d.priorities[0].number == "2007 1 0146763");
}

TEST_CASE("USPTO: without assignees the applicants are the patentees, in both layouts") {
    std::string v42 = us_grant();
    const auto from = v42.find("<assignees>");
    v42.erase(from, v42.find("</assignees>\n") + 13 - from);
    CollectingSink sink = read_string(v42);
    REQUIRE(sink.documents.size() == 1);
    REQUIRE(sink.documents[0].second.patentees.size() == 1);
    CHECK(sink.documents[0].second.patentees[0].name == "Weihua Hu");
    CHECK(sink.documents[0].second.patentees[0].city == "Shenzhen");

    // v4.3+: us-parties/us-applicants/us-applicant; an assignee given without addressbook.
    std::string v45 = v42;
    for (auto [from_text, to_text] : {std::pair<std::string, std::string>{"<parties>", "<us-parties>"},
                                      {"</parties>", "</us-parties>"},
                                      {"<applicants>", "<us-applicants>"},
                                      {"</applicants>", "</us-applicants>"},
                                      {"<applicant ", "<us-applicant "},
                                      {"</applicant>", "</us-applicant>"}})
        v45.replace(v45.find(from_text), from_text.size(), to_text);
    sink = read_string(v45);
    REQUIRE(sink.documents.size() == 1);
    REQUIRE(sink.documents[0].second.patentees.size() == 1);
    CHECK(sink.documents[0].second.patentees[0].name == "Weihua Hu");

    std::string bare = us_grant();
    const auto at = bare.find("<assignees>");
    bare.erase(at, bare.find("</assignees>\n") + 13 - at);
    bare.insert(at, "<assignees>\n<assignee>\n<orgname>Acme</orgname>\n<role>02</role>\n</assignee>\n</assignees>\n");
    sink = read_string(bare);
    REQUIRE(sink.documents.size() == 1);
    REQUIRE(sink.documents[0].second.patentees.size() == 1);
    CHECK(sink.documents[0].second.patentees[0].name == "Acme");
}

TEST_CASE("a CNIPA legacy document with a BOM and a stylesheet PI") {
    const CollectingSink sink = read_string(kCnLegacy);
    for (const auto& problem : sink.refused) MESSAGE(problem.cause);
    REQUIRE(sink.documents.size() == 1);
    const RawDocument& d = sink.documents[0].second;
    CHECK(d.format == "cnipa-legacy");
    CHECK(d.line == 3);
    CHECK(d.number == "104245143");
    CHECK(d.declared_type == "发明专利");
    CHECK(d.application_number == "201480000986.0");
    CHECK(d.title == "筛选方法及筛选装置");
    REQUIRE(d.patentees.size() == 1);
    CHECK(d.patentees[0].address == "韩国京畿道果川市");
    REQUIRE(d.priorities.size() == 1);
    CHECK(d.priorities[0].country == "KR");
    CHECK(d.pct_application == "PCT/KR2014/002669");
}

TEST_CASE("CNIPA business: original forms win over standard ones, \"0\" address parts are empty") {
    const std::string doc =
        "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"no\"?>\n"
        "<!DOCTYPE business:PatentDocumentAndRelated SYSTEM \"/DTDS/ExternalStandards/ipphdb-entities.dtd\"[]>\n"
        "<business:PatentDocumentAndRelated xmlns:base=\"http://www.sipo.gov.cn/XMLSchema/base\" "
        "xmlns:business=\"http://www.sipo.gov.cn/XMLSchema/business\" country=\"CN\" docNumber=\"115212463\" kind=\"B\">\n"
        "<business:BibliographicData>\n"
        "<business:PublicationReference dataFormat=\"standard\"><base:DocumentID><base:WIPOST3Code>CN</base:WIPOST3Code>"
        "<base:DocNumber>115212463</base:DocNumber><base:Kind>B</base:Kind><base:Date>20240101</base:Date>"
        "</base:DocumentID></business:PublicationReference>\n"
        "<business:PublicationReference dataFormat=\"original\"><base:DocumentID><base:WIPOST3Code>CN</base:WIPOST3Code>"
        "<base:DocNumber>CN115212463</base:DocNumber><base:Kind>B</base:Kind><base:Date>20240102</base:Date>"
        "</base:DocumentID></business:PublicationReference>\n"
        "<business:ApplicationReference applType=\"10\" dataFormat=\"standard\"><base:DocumentID>"
        "<base:DocNumber>102015000481495</base:DocNumber><base:Date>20150807</base:Date></base:DocumentID>"
        "</business:ApplicationReference>\n"
        "<business:ApplicationReference applType=\"10\" dataFormat=\"original\"><base:DocumentID>"
        "<base:DocNumber>201510481495.9</base:DocNumber><base:Date>20150807</base:Date></base:DocumentID>"
        "</business:ApplicationReference>\n"
        "<business:InventionTitle lang=\"zh\">一种医用放射治疗装置</business:InventionTitle>\n"
        "<business:InventionTitle lang=\"en\">Medical radiotherapy device</business:InventionTitle>\n"
        "<business:Parties><business:ApplicantDetails><business:Applicant sequence=\"1\" dataFormat=\"original\">"
        "<base:AddressBook><base:Name>北京大基康明医疗设备有限公司</base:Name><base:Address>"
        "<base:AddressCity>0</base:AddressCity><base:City>0</base:City><base:WIPOST3Code>CN</base:WIPOST3Code>"
        "<base:Text>100176 北京市经济技术开发区永昌北路11号</base:Text></base:Address></base:AddressBook>"
        "</business:Applicant></business:ApplicantDetails></business:Parties>\n"
        "<business:PriorityClaimDetails><business:PriorityClaim><base:WIPOST3Code>JP</base:WIPOST3Code>"
        "<base:DocNumber>2014-123456</base:DocNumber><base:Date>20140101</base:Date></business:PriorityClaim>"
        "</business:PriorityClaimDetails>\n"
        "</business:BibliographicData>\n"
        "<business:Description><base:Paragraphs>&#x6587;</base:Paragraphs></business:Description>\n"
        "</business:PatentDocumentAndRelated>\n";
    const CollectingSink sink = read_string(doc);
    for (const auto& problem : sink.refused) MESSAGE(problem.cause);
    REQUIRE(sink.documents.size() == 1);
    const RawDocument& d = sink.documents[0].second;
    CHECK(d.format == "cnipa-business");
    CHECK(d.number == "CN115212463");
    CHECK(d.date == "20240102");
    CHECK(d.kind == "B");
    CHECK(d.application_number == "201510481495.9");
    CHECK(d.declared_type == "10");
    CHECK(d.title == "一种医用放射治疗装置");
    REQUIRE(d.patentees.size() == 1);
    CHECK(d.patentees[0].city == "");
    CHECK(d.patentees[0].country == "CN");
    REQUIRE(d.priorities.size() == 1);
    CHECK(d.priorities[0].country == "JP");
    CHECK(d.priorities[0].number == "2014-123456");
}

TEST_CASE("a file with no document at all is reported once") {
    const CollectingSink sink = read_string(" \n");
    REQUIRE(sink.refused.size() == 1);
    CHECK(sink.refused[0].cause == "file holds no XML document");
}

TEST_CASE("a document over the stream threshold is read as a stream, and the next one as before") {
    UsGrantParts big;
    big.description = std::string(5000, 'x') + "\n";
    big.title = "Streamed";
    UsGrantParts broken;
    broken.number = "07000009";
    broken.description = std::string(5000, 'y') + "\n<p>unclosed\n";
    GrantFileOptions options;
    options.splitter.stream_threshold = 4096;
    options.splitter.chunk_size = 512;
    const std::string file = us_grant(big) + us_grant() + us_grant(broken) + us_grant();
    const CollectingSink sink = read_string(file, options);
    REQUIRE(sink.documents.size() == 3);
    CHECK(sink.documents[0].first == 1);
    CHECK(sink.documents[0].second.title == "Streamed");
    CHECK(sink.documents[0].second.line == 3);
    CHECK(sink.documents[1].first == 2);
    CHECK(sink.documents[2].first == 4);
    REQUIRE(sink.refused.size() == 1);
    CHECK(sink.refused[0].document_index == 3);
    CHECK(sink.refused[0].line > line_of(file, "<p>unclosed"));
    // Read whole, the file gives exactly the same.
    const CollectingSink whole = read_string(file);
    CHECK(whole.everything() == sink.everything());
    CHECK(whole.refused[0].line == sink.refused[0].line);
    CHECK(whole.refused[0].column == sink.refused[0].column);
    CHECK(whole.documents[2].second.line == sink.documents[2].second.line);
}

TEST_CASE("read_grant_file reads a file and throws for a missing one") {
    char path[] = "/tmp/patsub-xml-grant-XXXXXX";
    const int fd = ::mkstemp(path);
    REQUIRE(fd >= 0);
    ::close(fd);
    {
        std::ofstream out(path, std::ios::binary);
        out << us_grant() << kCnLegacy;
    }
    CollectingSink sink;
    const GrantFileSummary summary = read_grant_file(path, sink);
    std::remove(path);
    CHECK(summary.documents == 2);
    CHECK(summary.read == 2);
    REQUIRE(sink.documents.size() == 2);
    CHECK(sink.documents[1].second.format == "cnipa-legacy");
    CHECK_THROWS_AS(read_grant_file("/nonexistent/patsub/ipg.xml", sink), std::system_error);
}

TEST_CASE("CNIPA business: a design grant's DesignBibliographicData block") {
    const std::string doc =
        "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"no\"?>\n"
        "<business:PatentDocumentAndRelated xmlns:base=\"http://www.sipo.gov.cn/XMLSchema/base\" "
        "xmlns:business=\"http://www.sipo.gov.cn/XMLSchema/business\" country=\"CN\" docNumber=\"307812345\" kind=\"S\">\n"
        "<business:DesignBibliographicData>\n"
        "<business:PublicationReference dataFormat=\"original\"><base:DocumentID><base:WIPOST3Code>CN</base:WIPOST3Code>"
        "<base:DocNumber>307812345</base:DocNumber><base:Kind>S</base:Kind><base:Date>20221220</base:Date>"
        "</base:DocumentID></business:PublicationReference>\n"
        "<business:ApplicationReference applType=\"30\" dataFormat=\"original\"><base:DocumentID>"
        "<base:DocNumber>202230512345.0</base:DocNumber><base:Date>20220815</base:Date></base:DocumentID>"
        "</business:ApplicationReference>\n"
        "<business:DesignTitle lang=\"zh\">巡检机器人控制终端</business:DesignTitle>\n"
        "<business:ApplicantDetails><business:Applicant sequence=\"1\" dataFormat=\"original\">"
        "<base:AddressBook><base:Name>昆明滇池智能装备有限公司</base:Name><base:Address>"
        "<base:City>昆明市</base:City><base:Text>650021 云南省昆明市五华区</base:Text></base:Address></base:AddressBook>"
        "</business:Applicant></business:ApplicantDetails>\n"
        "</business:DesignBibliographicData>\n"
        "</business:PatentDocumentAndRelated>\n";
    const CollectingSink sink = read_string(doc);
    for (const auto& problem : sink.refused) MESSAGE(problem.cause);
    REQUIRE(sink.documents.size() == 1);
    const RawDocument& d = sink.documents[0].second;
    CHECK(d.number == "307812345");
    CHECK(d.kind == "S");
    CHECK(d.declared_type == "30");
    CHECK(d.title == "巡检机器人控制终端");
    REQUIRE(d.patentees.size() == 1);
    CHECK(d.patentees[0].name == "昆明滇池智能装备有限公司");
    CHECK(d.patentees[0].city == "昆明市");
}

}  // namespace patsub::xml::test

namespace patsub::xml::test {
namespace {

// A test format whose reader emits one record per <r n="..."/> child of <records>, and
// refuses alone each <r/> without n.
class TestRecords final : public FormatReading, ElementHandler {
public:
    TestRecords(SafeReader& reader, RecordSink& records) : reader_(reader), records_(records) {}
    ElementHandler& handler() override { return *this; }
    void finish() override {}
    Visit on_enter(const Element& e) override {
        if (e.local_name() != "r") return Visit::descend;
        if (const auto n = e.attribute("n")) {
            RawDocument doc;
            doc.format = "test-records";
            doc.number = *n;
            doc.line = reader_.current_line();
            records_.emit(std::move(doc));
        } else {
            records_.refuse(reader_.current_line(), "record without n");
        }
        return Visit::skip;
    }
    void on_text(std::string_view, std::string_view) override {}
    void on_exit(std::string_view) override {}

private:
    SafeReader& reader_;
    RecordSink& records_;
};

std::unique_ptr<FormatReading> read_test_records(SafeReader& reader, RecordSink& records, const Element&) {
    return std::make_unique<TestRecords>(reader, records);
}

}  // namespace

TEST_CASE("multi-record documents: records numbered, lines of the file, refusals per record, none = refused") {
    FormatRegistry registry;
    registry.add({.root_name = "records", .format = "test-records", .read = read_test_records});
    GrantFileOptions options;
    options.formats = &registry;
    const std::string first = "<?xml version=\"1.0\"?>\n<records>\n<r n=\"1\"/>\n<r/>\n<r n=\"\"/>\n<r n=\"4\"/>\n</records>\n";
    const std::string second = "<?xml version=\"1.0\"?>\n<records>\n</records>\n";
    const CollectingSink sink = read_string(first + second, options);
    REQUIRE(sink.documents.size() == 2);
    CHECK(sink.documents[0].first == 1);
    CHECK(sink.documents[0].second.record == 1);
    CHECK(sink.documents[0].second.line == 3);
    CHECK(sink.documents[1].second.record == 4);
    CHECK(sink.documents[1].second.number == "4");
    CHECK(sink.documents[1].second.line == 6);
    REQUIRE(sink.refused.size() == 3);
    CHECK(sink.refused[0].record == 2);
    CHECK(sink.refused[0].cause == "record without n");
    CHECK(sink.refused[0].line == 4);
    CHECK(sink.refused[1].record == 3);
    CHECK(sink.refused[1].cause == "no publication number");
    CHECK(sink.refused[1].line == 5);
    // The second XML document (file line 8 on, root on line 9) holds no record at all.
    CHECK(sink.refused[2].document_index == 2);
    CHECK(sink.refused[2].record == 0);
    CHECK(sink.refused[2].line == 9);
    CHECK(sink.refused[2].cause == "no patent record found in root element <records>");
}

}  // namespace patsub::xml::test
