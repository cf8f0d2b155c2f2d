// EPO publication server reader (ep-patent-document): edge cases built on the real v1.5.1
// layout of EP 3383757 B1 (EP16849316NWB1.xml), cut down to its SDOBI block.
#include "xml_test_support.h"

namespace patsub::xml::test {
namespace {

struct EpParts {
    std::string prolog = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<!DOCTYPE ep-patent-document PUBLIC \"-//EPO//EP PATENT DOCUMENT 1.5.1//EN\" "
                         "\"ep-patent-document-v1-5-1.dtd\">\n"
                         "<!-- This XML data has been generated under the supervision of the European Patent Office -->\n";
    std::string kind = "B1";
    std::string b300 = "<B300><B310>201514865040</B310><B320><date>20150925</date></B320><B330><ctry>US</ctry></B330></B300>";
    std::string b540 = "<B540><B541>de</B541><B542>SCHRAUBVERSCHLUSSSYSTEME MIT MAGNETISCHEM MERKMAL</B542>"
                       "<B541>en</B541><B542>SCREW-TYPE CLOSURE SYSTEMS WITH MAGNETIC FEATURE</B542>"
                       "<B541>fr</B541><B542>SYST&#xC8;MES DE FERMETURE DE TYPE &#xC0; VIS</B542></B540>";
    std::string b730 = "<B730><B731><snm>ELC Management LLC</snm><iid>101324505</iid><irf>97.70.137658</irf>"
                       "<adr><str>155 Pinelawn Road, Suite 345 South</str><city>Melville, NY 11747</city>"
                       "<ctry>US</ctry></adr></B731></B730>";
    std::string b800 = "<B800><B840><ctry>AL</ctry><ctry>AT</ctry></B840><B860><B861><dnum><anum>US2016049186</anum>"
                       "</dnum><date>20160829</date></B861><B862>en</B862></B860></B800>";
};

std::string ep_document(const EpParts& p = {}) {
    return p.prolog + "<ep-patent-document id=\"EP16849316" + p.kind +
           "\" file=\"EP16849316NWB1.xml\" lang=\"en\" country=\"EP\" doc-number=\"3383757\" kind=\"" + p.kind +
           "\" date-publ=\"20210707\" status=\"n\" dtd-version=\"ep-patent-document-v1-5-1\">\n"
           "<SDOBI lang=\"en\"><B000><eptags><B001EP>ATBECHDEDKESFRGBGRITLILUNLSEMC</B001EP></eptags></B000>"
           "<B100><B110>3383757</B110><B120><B121>EUROPEAN PATENT SPECIFICATION</B121></B120><B130>" +
           p.kind +
           "</B130><B140><date>20210707</date></B140><B190>EP</B190></B100>"
           "<B200><B210>16849316.1</B210><B220><date>20160829</date></B220><B250>en</B250></B200>" +
           p.b300 +
           "<B400><B405><date>20210707</date><bnum>202127</bnum></B405><B450><date>20210707</date>"
           "<bnum>202127</bnum></B450></B400><B500>" +
           p.b540 +
           "<B560><B561><text>WO-A1-2014/114885</text></B561></B560></B500><B700><B720><B721>"
           "<snm>JACOB, Christophe</snm><adr><str>50, rue Desire Claude</str><city>42100 Saint-Etienne</city>"
           "<ctry>FR</ctry></adr></B721></B720>" +
           p.b730 +
           "<B740><B741><snm>Dehns</snm><adr><str>St. Bride's House\n10 Salisbury Square</str>"
           "<city>London EC4Y 8JD</city><ctry>GB</ctry></adr></B741></B740></B700>" +
           p.b800 +
           "</SDOBI>\n<description id=\"desc\" lang=\"en\"><p id=\"p0001\" num=\"0001\">Screw-type &#x201C;closures&#x201D;.</p>"
           "</description>\n</ep-patent-document>\n";
}

}  // namespace

TEST_CASE("EP: the real v1.5.1 layout maps every field; the English title is picked by B541") {
    const CollectingSink sink = read_string(ep_document());
    const RawDocument d = only_document(sink);
    CHECK(d.format == "ep-publication");
    CHECK(d.line == 4);
    CHECK(d.record == 1);
    CHECK(d.office == "EP");
    CHECK(d.number == "3383757");
    CHECK(d.kind == "B1");
    CHECK(d.date == "20210707");
    CHECK(d.application_number == "16849316.1");
    CHECK(d.application_date == "20160829");
    CHECK(d.title == "SCREW-TYPE CLOSURE SYSTEMS WITH MAGNETIC FEATURE");
    REQUIRE(d.patentees.size() == 1);  // the proprietor, not the inventor or the representative
    CHECK(d.patentees[0].name == "ELC Management LLC");
    CHECK(d.patentees[0].address == "155 Pinelawn Road, Suite 345 South");
    CHECK(d.patentees[0].city == "Melville, NY 11747");
    CHECK(d.patentees[0].country == "US");
    REQUIRE(d.priorities.size() == 1);
    CHECK(d.priorities[0].country == "US");
    CHECK(d.priorities[0].number == "201514865040");
    CHECK(d.priorities[0].date == "20150925");
    CHECK(d.pct_application == "US2016049186");
    CHECK(d.declared_type.empty());
    CHECK(d.family_id.empty());
}

TEST_CASE("EP: flat B300 priorities are grouped by position, a missing B330 included") {
    EpParts parts;
    parts.b300 = "<B300><B310>326958 P</B310><B320><date>20011003</date></B320><B330><ctry>US</ctry></B330>"
                 "<B310>334316 P</B310><B320><date>20011129</date></B320>"
                 "<B310>354939 P</B310><B320><date>20020211</date></B320><B330><ctry>US</ctry></B330></B300>";
    const RawDocument d = only_document(read_string(ep_document(parts)));
    REQUIRE(d.priorities.size() == 3);
    CHECK(d.priorities[0].number == "326958 P");
    CHECK(d.priorities[1].number == "334316 P");
    CHECK(d.priorities[1].date == "20011129");
    CHECK(d.priorities[1].country == "");
    CHECK(d.priorities[2].number == "354939 P");
    CHECK(d.priorities[2].country == "US");
}

TEST_CASE("EP: missing optional blocks (no B300, no B800, no declaration or DOCTYPE) leave fields empty") {
    EpParts parts;
    parts.prolog = "";  // as in the re-indented v1.3 sample
    parts.b300 = "";
    parts.b800 = "<B800></B800>";
    const RawDocument d = only_document(read_string(ep_document(parts)));
    CHECK(d.line == 1);
    CHECK(d.priorities.empty());
    CHECK(d.pct_application.empty());
    CHECK(d.number == "3383757");
}

TEST_CASE("EP: several proprietors keep their order; markup, CDATA and character references flatten") {
    EpParts parts;
    parts.b730 = "<B730><B731><snm>Krones <i>AG</i></snm><adr><str>B&#xF6;hmerwaldstra&#xDF;e 5</str>"
                 "<city>93073 Neutraubling</city><ctry>DE</ctry></adr></B731>"
                 "<B731><snm><![CDATA[KHS & Partner GmbH]]></snm><adr><ctry>DE</ctry></adr></B731></B730>";
    const RawDocument d = only_document(read_string(ep_document(parts)));
    REQUIRE(d.patentees.size() == 2);
    CHECK(d.patentees[0].name == "Krones AG");
    CHECK(d.patentees[0].address == "B\u00f6hmerwaldstra\u00dfe 5");
    CHECK(d.patentees[1].name == "KHS & Partner GmbH");
    CHECK(d.patentees[1].city == "");
}

TEST_CASE("EP: without an English title the first one is kept; application documents name B711 applicants") {
    EpParts parts;
    parts.kind = "A2";
    parts.b540 = "<B540><B541>de</B541><B542>STRAHLENUNDURCHL&#xC4;SSIGE POLYMERE</B542>"
                 "<B541>fr</B541><B542>POLYM&#xC8;RES RADIO-OPAQUES</B542></B540>";
    parts.b730 = "<B710><B711><snm>Biocompatibles UK Limited</snm><adr><str>Lakeview\nRiverside Way</str>"
                 "<city>Camberley, Surrey GU15 3YL</city><ctry>GB</ctry></adr></B711></B710>";
    const RawDocument d = only_document(read_string(ep_document(parts)));
    CHECK(d.kind == "A2");
    CHECK(d.title == "STRAHLENUNDURCHL\u00c4SSIGE POLYMERE");
    REQUIRE(d.patentees.size() == 1);
    CHECK(d.patentees[0].name == "Biocompatibles UK Limited");
    CHECK(d.patentees[0].address == "Lakeview\nRiverside Way");
}

TEST_CASE("EP: an unknown kind code passes through as printed") {
    EpParts parts;
    parts.kind = "B7";
    const RawDocument d = only_document(read_string(ep_document(parts)));
    CHECK(d.kind == "B7");
}

TEST_CASE("EP: a document without B110 is refused for want of a number") {
    std::string doc = ep_document();
    const auto from = doc.find("<B110>");
    doc.erase(from, doc.find("</B110>") + 7 - from);
    const CollectingSink sink = read_string(doc);
    CHECK(sink.documents.empty());
    REQUIRE(sink.refused.size() == 1);
    CHECK(sink.refused[0].cause == "no publication number");
    CHECK(sink.refused[0].record == 1);
    CHECK(sink.refused[0].line == 4);
}

}  // namespace patsub::xml::test
