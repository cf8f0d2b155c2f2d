// Every real sample in shared/samples-real (USPTO, CNIPA business, CNIPA legacy) read
// end to end through read_grant_file, checked against values read off the files by hand.
// A sample file without expectations here fails the test, so new samples get covered.
#include "xml_test_support.h"

#include <map>
#include <set>

namespace patsub::xml::test {
namespace {

struct Expected {
    std::string_view file;  // relative to samples-real
    int index;              // document within the file
    long line;              // line of the root element in the file
    std::string_view format, office, number, kind, date;
    std::string_view application_number, application_date, declared_type, title;
    std::size_t patentees;
    std::string_view patentee, patentee_address, patentee_city, patentee_country;
    std::size_t priorities;
    std::string_view priority_country, priority_number, priority_date;
    std::string_view pct;
};

// clang-format off
const Expected kExpected[] = {
    {"uspto/US07314354-20080101.XML", 1, 3, "uspto-grant", "US", "07314354", "B2", "20080101",
     "10512208", "20030520", "utility", "Rotor machine",
     2, "Alexandr Anatoievich Stroganov", "Street Stasovoi Home 2 Apartm. 479", "S-Petersburg", "RU",  // no assignee: applicants
     1, "RU", "2002114208", "20020528", "PCT/US03/00230"},
    {"uspto/US07862231-20110104.XML", 1, 3, "uspto-grant", "US", "07862231", "B2", "20110104",
     "12045672", "20080310", "utility", "Apparatus and method for testing temperature",
     1, "Foxnum Technology Co., Ltd.", "", "Tucheng, Taipei County", "TW",
     1, "CN", "2007 1 0203437", "20071227", ""},
    {"uspto/US07864699-20110104.XML", 1, 3, "uspto-grant", "US", "07864699", "B2", "20110104",
     "12840608", "20100721", "utility", "Method and device for information transfer",
     1, "Huawei Technologies Co., Ltd.", "", "Shenzhen", "CN",
     2, "CN", "2007 1 0146763", "20070815", ""},
    {"uspto/USD0558902-20080101.XML", 1, 3, "uspto-grant", "US", "D0558902", "S1", "20080101",
     "29207863", "20040618", "design", "Flooring surface",
     1, "Perfectfloor (Tianjin) Ltd.", "", "Beijing", "CN",
     1, "CN", "2003 3 01268797", "20031218", ""},
    {"uspto/USD0630349-20110104.XML", 1, 3, "uspto-grant", "US", "D0630349", "S1", "20110104",
     "29367472", "20100809", "design", "Lamp",
     1, "Everlight Electronics Co., Ltd.", "", "Tucheng, Taipei County", "TW",
     1, "TW", "99300626", "20100209", ""},
    {"uspto/USD0651486-20120103.XML", 1, 3, "uspto-grant", "US", "D0651486", "S1", "20120103",
     "29377713", "20101025", "design", "Garden stake",
     1, "Huizhou Light Engine Ltd.", "", "Huizhou, Guangdong", "CN",
     0, "", "", "", ""},
    {"uspto/USH0002140-20060103.XML", 1, 3, "uspto-grant", "US", "H0002140", "H1", "20060103",
     "09831579", "19991022", "sir", "Bio-oxidation process and apparatus",
     3, "Mike Rhodes", "26 Woodroyd Street", "Mt. Lawley, W.A.", "AU",  // v4.1, no assignee
     1, "AU", "PP 7180", "19981118", "PCT/AU99/00917"},
    {"uspto/USPP018398-20080101.XML", 1, 3, "uspto-grant", "US", "PP018398", "P2", "20080101",
     "11440245", "20060525", "plant", "Sedum telephium plant named \u2018Beka\u2019",  // &#x2018; &#x2019;
     1, "Brent Horvath", "10702 Seaman Rd.", "Hebron", "US",
     0, "", "", "", ""},
    {"uspto/US07272630B2.xml", 1, 3, "uspto-grant", "US", "07272630", "B2", "20070918",
     "10991571", "20041118", "utility",
     "Locating potentially identical objects across multiple computers based on stochastic partitioning of workload",
     1, "Microsoft Corporation", "", "Redmond", "US",
     0, "", "", "", ""},
    {"uspto/US08930553.xml", 1, 3, "uspto-grant", "US", "08930553", "B2", "20150106",
     "13648029", "20121009", "utility", "Managing mid-dialog session initiation protocol (SIP) messages",
     1, "International Business Machines Corporation", "", "Armonk", "US",  // v4.5: assignee, not us-applicant
     0, "", "", "", ""},
    {"uspto/ipg120327.two.xml", 1, 3, "uspto-grant", "US", "D0656308", "S1", "20120327",
     "29379369", "20101118", "design", "Replaceable cartridge for a pain management system",
     1, "OrthoCor Medical, Inc.", "", "Minneapolis", "US",
     0, "", "", "", ""},
    {"uspto/ipg120327.two.xml", 2, 259, "uspto-grant", "US", "D0656309", "S1", "20120327",
     "29391097", "20110503", "design", "Universal remote control accessory for a mobile device",
     1, "Zero1.tv GmbH", "", "Berlin", "DE",
     0, "", "", "", ""},
    {"cnipa-business/CN102015000481495CN00001152124630AFULZH20221021CN00D.XML", 1, 3, "cnipa-business",
     "CN", "115212463", "A", "20221021", "201510481495.9", "20150807", "10", "一种医用放射治疗装置",
     1, "北京大基康明医疗设备有限公司", "100176 北京市经济技术开发区永昌北路11号", "北京市", "CN",
     0, "", "", "", ""},
    {"cnipa-business/CN102021000991218CN00001137839490AFULZH20211210CN00Y.XML", 1, 2, "cnipa-business",
     "CN", "113783949", "A", "20211210", "202110991218.8", "20210826", "10", "一种基于合约管理的跨链去中心化方法",
     1, "浙商银行股份有限公司", "311200 浙江省杭州市萧山区鸿宁路1788号", "杭州市", "CN",
     0, "", "", "", ""},
    {"cnipa-cn-patent-document/CN104223352A.xml", 1, 3, "cnipa-legacy",
     "CN", "104223352", "A", "20141224", "201410408762.5", "20140819", "发明专利", "一种甘草发酵所得烟用香料及其应用",
     1, "云南中烟工业有限责任公司", "650231 云南省昆明市五华区红锦路367号云烟科技园C区", "", "",
     0, "", "", "", ""},
    {"cnipa-cn-patent-document/CN104245143A.xml", 1, 3, "cnipa-legacy",
     "CN", "104245143", "A", "20141224", "201480000986.0", "20140328", "发明专利",
     "用于对包含于人造草坪的填充材料进行重复利用的筛选方法及筛选装置",
     2, "可隆科技特株式会社", "韩国京畿道果川市", "", "",
     6, "KR", "10-2013-0033547", "20130328", "PCT/KR2014/002669"},
    {"cnipa-cn-patent-document/CN104245682A.xml", 1, 1, "cnipa-legacy",
     "CN", "104245682", "A", "20141224", "201480000788.4", "20140331", "发明专利", "马来酸伊索拉定的制造方法",
     1, "日本新药株式会社", "日本京都府", "", "",
     0, "", "", "", "PCT/JP2014/059529"},
};
// clang-format on

// Known non-grant documents: file -> (index, line of the root).
const std::map<std::string_view, std::pair<int, long>> kSkipped = {
    {"uspto/US06982156-20060103-SEQLST.XML", {1, 3}},
};

void check(const Expected& e, const RawDocument& d) {
    CAPTURE(e.file);
    CAPTURE(e.index);
    CHECK(d.line == e.line);
    CHECK(d.format == e.format);
    CHECK(d.office == e.office);
    CHECK(d.number == e.number);
    CHECK(d.kind == e.kind);
    CHECK(d.date == e.date);
    CHECK(d.application_number == e.application_number);
    CHECK(d.application_date == e.application_date);
    CHECK(d.declared_type == e.declared_type);
    CHECK(d.title == e.title);
    CHECK(d.pct_application == e.pct);
    CHECK(d.family_id.empty());
    REQUIRE(d.patentees.size() == e.patentees);
    if (e.patentees > 0) {
        CHECK(d.patentees[0].name == e.patentee);
        CHECK(d.patentees[0].address == e.patentee_address);
        CHECK(d.patentees[0].city == e.patentee_city);
        CHECK(d.patentees[0].country == e.patentee_country);
    }
    REQUIRE(d.priorities.size() == e.priorities);
    if (e.priorities > 0) {
        CHECK(d.priorities[0].country == e.priority_country);
        CHECK(d.priorities[0].number == e.priority_number);
        CHECK(d.priorities[0].date == e.priority_date);
    }
}

std::vector<std::filesystem::path> sample_files(const std::filesystem::path& root) {
    std::vector<std::filesystem::path> files;
    for (const char* dir : {"uspto", "cnipa-business", "cnipa-cn-patent-document"}) {
        for (const auto& entry : std::filesystem::directory_iterator(root / dir)) {
            if (!entry.is_regular_file()) continue;  // uspto/dtd/ is not a sample
            const std::string ext = entry.path().extension().string();
            if (ext == ".xml" || ext == ".XML") files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST_CASE("every real USPTO and CNIPA sample reads to the values printed in it") {
    const auto root = samples_dir();
    if (!root) {
        MESSAGE("SKIPPED: shared/samples-real not found (PATSUB_SHARED_DIR undefined or missing)");
        return;
    }
    const auto files = sample_files(*root);
    CHECK(files.size() == 17);  // 12 USPTO + 2 business + 3 legacy at the time of writing
    std::set<std::pair<std::string, int>> seen;
    for (const auto& path : files) {
        const std::string relative = std::filesystem::relative(path, *root).generic_string();
        CAPTURE(relative);
        CollectingSink sink;
        read_grant_file(path, sink);
        CHECK(sink.refused.empty());
        for (const auto& problem : sink.refused) MESSAGE(problem.cause);

        if (const auto skip = kSkipped.find(relative); skip != kSkipped.end()) {
            CHECK(sink.documents.empty());
            REQUIRE(sink.skipped.size() == 1);
            CHECK(sink.skipped[0].index == skip->second.first);
            CHECK(sink.skipped[0].line == skip->second.second);
            CHECK(sink.skipped[0].why.find("sequence-cwu") != std::string::npos);
            continue;
        }
        CHECK(sink.skipped.empty());
        int expected_documents = 0;
        for (const Expected& e : kExpected)
            if (e.file == relative) ++expected_documents;
        if (expected_documents == 0) FAIL_CHECK("no expectations written for sample " << relative);
        CHECK(static_cast<int>(sink.documents.size()) == expected_documents);
        for (const auto& [index, document] : sink.documents) {
            const auto it = std::find_if(std::begin(kExpected), std::end(kExpected),
                                         [&](const Expected& e) { return e.file == relative && e.index == index; });
            if (it == std::end(kExpected)) {
                FAIL_CHECK("unexpected document " << index);
                continue;
            }
            check(*it, document);
            seen.insert({relative, index});
        }
    }
    // Every expectation was met by a file that is still there.
    for (const Expected& e : kExpected) CHECK_MESSAGE(seen.count({std::string(e.file), e.index}) == 1, e.file);
}

TEST_CASE("the USPTO weekly layout in miniature gives two documents with file line numbers") {
    const auto root = samples_dir();
    if (!root) {
        MESSAGE("SKIPPED: shared/samples-real not found");
        return;
    }
    CollectingSink sink;
    const GrantFileSummary summary = read_grant_file(*root / "uspto/ipg120327.two.xml", sink);
    CHECK(summary.documents == 2);
    CHECK(summary.read == 2);
    REQUIRE(sink.documents.size() == 2);
    CHECK(sink.documents[0].first == 1);
    CHECK(sink.documents[1].first == 2);
    CHECK(sink.documents[0].second.number == "D0656308");
    CHECK(sink.documents[1].second.number == "D0656309");
    CHECK(sink.documents[1].second.line == 259);
}

TEST_CASE("a sequence listing from the grant stream is skipped, not refused") {
    const auto root = samples_dir();
    if (!root) {
        MESSAGE("SKIPPED: shared/samples-real not found");
        return;
    }
    CollectingSink sink;
    const GrantFileSummary summary = read_grant_file(*root / "uspto/US06982156-20060103-SEQLST.XML", sink);
    CHECK(summary.skipped == 1);
    CHECK(sink.documents.empty());
    CHECK(sink.refused.empty());
    REQUIRE(sink.skipped.size() == 1);
    CHECK(sink.skipped[0].line == 3);
}

TEST_CASE("the real samples read the same when the file arrives in tiny chunks") {
    const auto root = samples_dir();
    if (!root) {
        MESSAGE("SKIPPED: shared/samples-real not found");
        return;
    }
    for (const auto& path : sample_files(*root)) {
        CAPTURE(path.string());
        CollectingSink whole;
        read_grant_file(path, whole);
        GrantFileOptions options;
        options.splitter.chunk_size = 7;
        CollectingSink chunked;
        read_grant_file(path, chunked, options);
        CHECK(chunked.everything() == whole.everything());
        REQUIRE(chunked.documents.size() == whole.documents.size());
        for (std::size_t i = 0; i < whole.documents.size(); ++i)
            CHECK(chunked.documents[i].second.line == whole.documents[i].second.line);
    }
}

}  // namespace patsub::xml::test
