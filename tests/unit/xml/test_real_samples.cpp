// Every real sample in shared/samples-real (USPTO, CNIPA business and legacy, EPO
// publication server, DOCDB, OPS, JPO, KIPRIS Plus, WIPO ST.96) read end to end through
// read_grant_file, checked against values read off the files by hand (and, for the EPO,
// JPO, KIPO and ST.96 records, against a second extraction written independently of the
// readers). A sample file without expectations here fails the test, so new samples get
// covered. Multi-record files (DOCDB bulk, OPS, KIPRIS) list every record.
#include "xml_test_support.h"

#include <map>
#include <set>
#include <tuple>

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
    std::string_view family_id = "";
    int record = 1;  // within the document
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
    // EPO publication server, DOCDB, OPS, JPO, KIPRIS Plus, ST.96: {file, document, line,
    // format, office, number, kind, date, application number and date, declared type,
    // title, patentees, first patentee (name, address, city, country), priorities, first
    // priority (country, number, date), PCT as printed, family id, record}.
    {"epo-docdb/AP-1206-A_302101161.xml", 1, 1, "docdb", "AP", "1206", "A", "20030918",
     "2000001988", "19980804", "", "Enteric coated pharmaceutical composition and method of manufacturing.",
     1, "BRISTOL MYERS SQUIBB CO", "", "", "US",
     2, "US", "8359798", "19980522", "PCT/US98/16128", "22179393", 1},
    {"epo-docdb/DE-backfile.xml", 1, 1, "docdb", "DE", "1258188", "B", "19680104",
     "B0077613", "19640710", "", "Kraftstoffeinspritzpumpe fuer mehrzylindrige Brennkraftmaschinen",
     1, "BOSCH GMBH ROBERT", "", "", "",
     1, "DE", "B0077613", "19640710", "", "6979546", 1},
    {"epo-docdb/DE-backfile.xml", 1, 2, "docdb", "DE", "1258189", "B", "19680104",
     "B0080703", "19650225", "", "Hochspannungszuendeinrichtung fuer gemischverdichtende Brennkraftmaschinen",
     1, "BOSCH GMBH ROBERT", "", "", "",
     1, "DE", "B0080703", "19650225", "", "6980816", 2},
    {"epo-docdb/DE-backfile.xml", 1, 3, "docdb", "DE", "1258190", "B", "19680104",
     "G0034437", "19620306", "", "Zuendanlage fuer Brennkraftmaschinen",
     1, "GEN MOTORS CORP", "", "", "",
     1, "US", "1258190X", "19610313", "", "22421564", 3},
    {"epo-docdb/DE-backfile.xml", 1, 4, "docdb", "DE", "1258191", "B", "19680104",
     "T0021429", "19620116", "", "Luftgekuehlter Brennkraftmaschinen-Zylinderkopf mit Zusatz-Fluessigkeitskuehlung",
     1, "TATRA NP", "", "", "",
     1, "CS", "1258191X", "19610118", "", "5458240", 4},
    {"epo-docdb/DE-backfile.xml", 1, 5, "docdb", "DE", "1258192", "B", "19680104",
     "S0073067", "19610320", "", "Andrehvorrichtung fuer Brennkraftmaschinen",
     1, "BERTIN & CIE", "", "", "",
     1, "FR", "1258192X", "19600322", "", "9678134", 5},
    {"epo-docdb/DE-backfile.xml", 1, 6, "docdb", "DE", "1258193", "B", "19680104",
     "A0044733", "19631207", "", "Verfahren zum Betrieb einer Gasturbinenanlage",
     1, "BBC BROWN BOVERI & CIE", "", "", "",
     1, "FR", "918235", "19621211", "", "8792589", 6},
    {"epo-docdb/DE-backfile.xml", 1, 7, "docdb", "DE", "1258194", "B", "19680104",
     "E0028041", "19641030", "", "Fluessigkeitseinspritzvorrichtung fuer eine Raketenbrennkammer",
     4, "FRANCE ETAT", "", "", "",
     1, "FR", "961921", "19640129", "", "8821965", 7},
    {"epo-docdb/DE-backfile.xml", 1, 8, "docdb", "DE", "1258195", "B", "19680104",
     "G0037101", "19630219", "", "Antriebsanlage mit einem Gasturbinenhauptstrahltriebwerk",
     1, "GEN ELECTRIC", "", "", "",
     1, "US", "1258195X", "19620312", "", "22421569", 8},
    {"epo-docdb/DE-backfile.xml", 1, 9, "docdb", "DE", "1258196", "B", "19680104",
     "B0074388", "19631125", "", "Schubduese fuer Strahltriebwerke",
     1, "BRISTOL SIDDELEY ENGINES LTD", "", "", "",
     1, "GB", "1258196X", "19621126", "", "10885784", 9},
    {"epo-docdb/DE-backfile.xml", 1, 10, "docdb", "DE", "1258197", "B", "19680104",
     "S0100336", "19651103", "", "Regeleinrichtung mit Schalldaempferwirkung fuer regelbare Flugzeugstrahlduesen",
     1, "SNECMA", "", "", "",
     1, "FR", "1258197X", "19641103", "", "9678135", 10},
    {"epo-docdb/WO-2022259205-A1_544370561.xml", 1, 1, "docdb", "WO", "2022259205", "A1", "20221215",
     "2022055385", "20220609", "", "SELF-EMULSIFYING COMPOSITION, PRODUCTION METHODS AND USES THEREOF",
     1, "UNIV DA BEIRA INTERIOR", "", "", "PT",
     1, "PT", "11728321", "20210611", "IB2022055385", "82558028", 1},
    {"epo-docdb/WO-2023012807-A1_507242069.xml", 1, 1, "docdb", "WO", "2023012807", "A1", "20230209",
     "2022050854", "20220805", "", "METHOD FOR HUMANIZING ANTIBODIES",
     1, "YEDA RES & DEV", "", "", "IL",
     1, "US", "202163230089", "20210806", "IL2022050854", "83004620", 1},
    {"epo-docdb/YU-6701-A_381353354.xml", 1, 1, "docdb", "YU", "6701", "A", "20031231",
     "6701", "19990602", "", "TRICYCLIC SULFONAMIDES AND THEIR DERIVATIVES AS INHIBITORS OF MATRIX METALLOPROTEINASES",
     1, "WARNER LAMBERT CO", "", "", "US",
     1, "US", "9500698", "19980730", "", "22248526", 1},
    {"epo-ops/family_publication_docdb_EP.2906782.A2_.xml", 1, 11, "ops", "EP", "2906782", "A2", "20150819",
     "13844704", "20131011", "", "",
     0, "", "", "", "",
     2, "US", "201261713164", "20121012", "US2013064552", "50474376", 1},
    {"epo-ops/family_publication_docdb_EP.2906782.A2_.xml", 1, 52, "ops", "EP", "2906782", "A4", "20160817",
     "13844704", "20131011", "", "",
     0, "", "", "", "",
     2, "US", "201261713164", "20121012", "US2013064552", "50474376", 2},
    {"epo-ops/family_publication_docdb_EP.2906782.A2_.xml", 1, 93, "ops", "CA", "2887530", "A1", "20140417",
     "2887530", "20131011", "", "",
     0, "", "", "", "",
     2, "US", "201261713164", "20121012", "US2013064552", "50474376", 3},
    {"epo-ops/family_publication_docdb_EP.2906782.A2_.xml", 1, 134, "ops", "CN", "104968889", "A", "20151007",
     "201380062258", "20131011", "", "",
     0, "", "", "", "",
     2, "US", "201261713164", "20121012", "US2013064552", "50474376", 4},
    {"epo-ops/family_publication_docdb_EP.2906782.A2_.xml", 1, 175, "ops", "RU", "2015117646", "A", "20161210",
     "2015117646", "20131011", "", "",
     0, "", "", "", "",
     2, "US", "201261713164", "20121012", "US2013064552", "50474376", 5},
    {"epo-ops/family_publication_docdb_EP.2906782.A2_.xml", 1, 216, "ops", "US", "2014102795", "A1", "20140417",
     "201314052000", "20131011", "", "",
     0, "", "", "", "",
     2, "US", "201314052000", "20131011", "", "50474376", 6},
    {"epo-ops/family_publication_docdb_EP.2906782.A2_.xml", 1, 256, "ops", "US", "9291047", "B2", "20160322",
     "201314052000", "20131011", "", "",
     0, "", "", "", "",
     2, "US", "201314052000", "20131011", "", "50474376", 7},
    {"epo-ops/family_publication_docdb_EP.2906782.A2_.xml", 1, 296, "ops", "US", "2016245070", "A1", "20160825",
     "201615044813", "20160216", "", "",
     0, "", "", "", "",
     3, "US", "201314052000", "20131011", "", "50474376", 8},
    {"epo-ops/family_publication_docdb_EP.2906782.A2_.xml", 1, 346, "ops", "US", "10047600", "B2", "20180814",
     "201615044813", "20160216", "", "",
     0, "", "", "", "",
     3, "US", "201314052000", "20131011", "", "50474376", 9},
    {"epo-ops/family_publication_docdb_EP.2906782.A2_.xml", 1, 396, "ops", "WO", "2014059282", "A2", "20140417",
     "2013064552", "20131011", "", "",
     0, "", "", "", "",
     1, "US", "201261713164", "20121012", "US2013064552", "50474376", 10},
    {"epo-ops/family_publication_docdb_EP.2906782.A2_.xml", 1, 427, "ops", "WO", "2014059282", "A3", "20150723",
     "2013064552", "20131011", "", "",
     0, "", "", "", "",
     1, "US", "201261713164", "20121012", "US2013064552", "50474376", 11},
    {"epo-ops/ops_biblio_EP2400812A1_EP2533477A1B1.xml", 1, 4, "ops", "EP", "2400812", "A1", "20111228",
     "10167109", "20100624", "", "BLUETOOTH NETWORKING",
     1, "9SOLUTIONS OY", "", "", "FI",
     1, "EP", "20100167109", "20100624", "", "43088294", 1},
    {"epo-ops/ops_biblio_EP2400812A1_EP2533477A1B1.xml", 1, 305, "ops", "EP", "2533477", "A1", "20121212",
     "11169280", "20110609", "", "Bluetooth network configuration",
     1, "9SOLUTIONS OY", "", "", "FI",
     1, "EP", "20110169280", "20110609", "", "44533794", 2},
    {"epo-ops/ops_biblio_EP2400812A1_EP2533477A1B1.xml", 1, 471, "ops", "EP", "2533477", "B1", "20140305",
     "11169280", "20110609", "", "Bluetooth network configuration",
     1, "9SOLUTIONS OY", "", "", "FI",
     1, "EP", "20110169280", "20110609", "", "44533794", 3},
    {"epo-ops/ops_family_biblio_EP2400812.xml", 1, 11, "ops", "EP", "2400812", "A1", "20111228",
     "10167109", "20100624", "", "BLUETOOTH NETWORKING",
     1, "9SOLUTIONS OY", "", "", "FI",
     1, "EP", "20100167109", "20100624", "", "43088294", 1},
    {"epo-ops/ops_family_biblio_EP2400812.xml", 1, 343, "ops", "EP", "2400812", "B1", "20191127",
     "10167109", "20100624", "", "BLUETOOTH NETWORKING",
     1, "9SOLUTIONS OY", "", "", "FI",
     1, "EP", "20100167109", "20100624", "", "43088294", 2},
    {"epo-ops/ops_family_biblio_EP2400812.xml", 1, 531, "ops", "CA", "2744162", "A1", "20111224",
     "2744162", "20110623", "", "BLUETOOTH NETWORKING",
     1, "9SOLUTIONS OY", "", "", "FI",
     1, "EP", "20100167109", "20100624", "", "43088294", 3},
    {"epo-ops/ops_family_biblio_EP2400812.xml", 1, 707, "ops", "US", "2012057518", "A1", "20120308",
     "201113167395", "20110623", "", "BLUETOOTH NETWORKING",
     4, "HERRALA SAMI", "", "", "FI",
     1, "EP", "20100167109", "20100624", "", "43088294", 4},
    {"epo-ops/ops_family_biblio_EP2400812.xml", 1, 1420, "ops", "US", "9648662", "B2", "20170509",
     "201113167395", "20110623", "", "Bluetooth networking",
     4, "HERRALA SAMI", "", "", "FI",
     1, "EP", "20100167109", "20100624", "", "43088294", 5},
    {"epo-ops/published-data_publication_docdb_CA.2300029.C_biblio.xml", 1, 4, "ops", "CA", "2300029", "C", "20051101",
     "2300029", "20000306", "", "COMBINED ELECTRIC FIELD TELEMETRY AND FORMATION EVALUATION METHOD AND APPARATUS",
     1, "SCIENT DRILLING INT", "", "", "US",
     1, "US", "19990265629", "19990309", "", "23011249", 1},
    {"epo-ops/published-data_publication_docdb_CN.104968889.A_biblio.xml", 1, 4, "ops", "CN", "104968889", "A", "20151007",
     "201380062258", "20131011", "", "Attitude reference for tieback/overlap processing",
     1, "SCIENT DRILLING INT", "", "", "",
     2, "WO", "2013US64552", "20131011", "PCT/US2013/064552", "50474376", 1},
    {"epo-ops/published-data_publication_docdb_EP.2906782.A2_biblio.xml", 1, 4, "ops", "EP", "2906782", "A2", "20150819",
     "13844704", "20131011", "", "ATTITUDE REFERENCE FOR TIEBACK/OVERLAP PROCESSING",
     1, "SCIENT DRILLING INT", "", "", "US",
     2, "US", "201261713164P", "20121012", "WO2013US64552", "50474376", 1},
    {"epo-ops/published-data_publication_docdb_US.10047600.B2_biblio.xml", 1, 4, "ops", "US", "10047600", "B2", "20180814",
     "201615044813", "20160216", "", "Attitude reference for tieback/overlap processing",
     1, "SCIENT DRILLING INTERNATIONAL INC", "", "", "US",
     3, "US", "201615044813", "20160216", "", "50474376", 1},
    {"epo-publication-server/EP02776152NWB2.xml", 1, 3, "ep-publication", "EP", "1451194", "B2", "20091216",
     "02776152.7", "20021003", "", "PREPARATION OF LEVOFLOXACIN HEMIHYDRATE",
     1, "TEVA PHARMACEUTICAL INDUSTRIES LTD.", "5 Basel Street, \nP.O. Box 3190", "49131 Petah Tiqva", "IL",
     3, "US", "326958 P", "20011003", "US2002031850", "", 1},
    {"epo-publication-server/EP04777385NWB1.xml", 1, 2, "ep-publication", "EP", "1654642", "B1", "20081224",
     "04777385.8", "20040701", "", "METHODS AND APPARATUS FOR VERIFYING CONTEXT PARTICIPANTS IN A CONTEXT MANAGEMENT SYSTEM IN A\n                    NETWORKED ENVIRONMENT",
     1, "Sentillion, Inc.", "40 Shattuck Road", "Andover, MA 01810", "US",
     1, "US", "632690", "20030801", "US2004021165", "", 1},
    {"epo-publication-server/EP13189031NWB2.xml", 1, 4, "ep-publication", "EP", "2743087", "B2", "20210505",
     "13189031.1", "20131017", "", "Printing machine with cladding",
     1, "Krones AG", "Böhmerwaldstraße 5", "93073 Neutraubling", "DE",
     1, "DE", "102012223402", "20121217", "", "", 1},
    {"epo-publication-server/EP13196195NWB2.xml", 1, 4, "ep-publication", "EP", "2716170", "B2", "20210922",
     "13196195.5", "20120914", "", "Device for transporting material in the form of strips or tape",
     1, "Hauni Maschinenbau GmbH", "Kurt-A.-Körber-Chaussee 8-32", "21033 Hamburg", "DE",
     1, "DE", "102011114434", "20110928", "", "", 1},
    {"epo-publication-server/EP16849316NWB1.xml", 1, 4, "ep-publication", "EP", "3383757", "B1", "20210707",
     "16849316.1", "20160829", "", "SCREW-TYPE CLOSURE SYSTEMS WITH MAGNETIC FEATURE",
     1, "ELC Management LLC", "155 Pinelawn Road, Suite 345 South", "Melville, NY 11747", "US",
     1, "US", "201514865040", "20150925", "US2016049186", "", 1},
    {"epo-publication-server/EP17171508NWB1.xml", 1, 4, "ep-publication", "EP", "3404678", "B1", "20210630",
     "17171508.9", "20170517", "", "HIGH VOLTAGE ASSEMBLY AND METHOD TO OPERATE THE HIGH VOLTAGE ASSEMBLY",
     1, "General Electric Technology GmbH", "Brown Boveri Strasse 7", "5400 Baden", "CH",
     0, "", "", "", "", "", 1},
    {"epo-publication-server/EP19766069NWA2.xml", 1, 2, "ep-publication", "EP", "3814387", "A2", "20210505",
     "19766069.9", "20190626", "", "RADIOPAQUE POLYMERS",
     1, "Biocompatibles UK Limited", "Lakeview \nRiverside Way \nWatchmoor Park", "Camberley, Surrey GU15 3YL", "GB",
     2, "GB", "201810777", "20180629", "IB2019055382", "", 1},
    {"epo-publication-server/EP96939832NWB2.xml", 1, 3, "ep-publication", "EP", "0874807", "B2", "20060802",
     "96939832.0", "19961118", "", "PROCESS FOR THE PREPARATION OF METHOXYMINOPHENYLGLYOXYLIC ACID DERIVATIVES",
     1, "Bayer CropScience AG", "Alfred-Nobel-Strasse 50", "40789 Monheim", "DE",
     2, "CH", "338895", "19951129", "EP1996005057", "", 1},
    {"jpo/JP2021041306A.xml", 1, 1, "jpo", "JP", "2021041306", "A", "20210318",
     "2019162830", "20190906", "公開特許公報(A)", "脱酸素剤、脱酸素剤包装体及び食品包装体",
     1, "凸版印刷株式会社", "東京都台東区台東１丁目５番１号", "", "",
     0, "", "", "", "", "", 1},
    {"jpo/JP2021509175A.xml", 1, 1, "jpo", "JP", "2021509175", "A", "20210318",
     "2020536678", "20181227", "公表特許公報(A)", "着脱式体積測定装置、これを含む組織拡張装置及びこれを利用した胸の体積測定方法",
     1, "シージー  バイオ  カンパニー，リミテッド", "大韓民国  １３２１１  キョンギ−ド，ソンナム−シ，チュンウォン−グ，ガルマチ−ロ  ２４４", "", "",
     2, "KR", "10-2018-0000830", "20180103", "KR2018016728", "", 1},
    {"kipo-kipris-plus/kipris_design_search_120070120001.xml", 1, 14, "kipo-kipris", "KR", "301205417", "S", "20230228",
     "3020220047376", "20221116", "", "포장용 상자",
     1, "주식회사 에이치비티", "", "", "",
     0, "", "", "", "", "", 1},
    {"kipo-kipris-plus/kipris_design_search_120070120001.xml", 1, 42, "kipo-kipris", "KR", "301232170", "S", "20230919",
     "3020220039362", "20220926", "", "족형 측정 장치",
     1, "주식회사 에이치비티", "", "", "",
     0, "", "", "", "", "", 2},
    {"kipo-kipris-plus/kipris_design_search_120070120001.xml", 1, 70, "kipo-kipris", "KR", "301170037", "S", "20220627",
     "3020220018302", "20220509", "", "신발 인솔용 아치 스프링",
     1, "주식회사 에이치비티", "", "", "",
     0, "", "", "", "", "", 3},
    {"kipo-kipris-plus/kipris_design_search_120070120001.xml", 1, 98, "kipo-kipris", "KR", "301126488", "S", "20210907",
     "3020200056230", "20201119", "", "족부용 레이저 스캐너",
     1, "주식회사 에이치비티", "", "", "",
     0, "", "", "", "", "", 4},
    {"kipo-kipris-plus/kipris_design_search_120070120001.xml", 1, 126, "kipo-kipris", "KR", "301126487", "S", "20210907",
     "3020200056228", "20201119", "", "족부용 레이저 스캐너",
     1, "주식회사 에이치비티", "", "", "",
     0, "", "", "", "", "", 5},
    {"kipo-kipris-plus/kipris_design_search_120070120001.xml", 1, 154, "kipo-kipris", "KR", "300944125", "S", "20180213",
     "3020170043088", "20170914", "", "3D 족부용 이미지 스캐너",
     1, "주식회사 에이치비티", "", "", "",
     0, "", "", "", "", "", 6},
    {"kipo-kipris-plus/kipris_patent_utility_search_120070385648.xml", 1, 13, "kipo-kipris", "KR", "200482576", "Y1", "20170209",
     "2020150005106", "20150729", "", "방차통",
     1, "혜성씨앤씨주식회사", "", "", "",
     0, "", "", "", "", "", 1},
    {"kipo-kipris-plus/kipris_patent_utility_search_120070385648.xml", 1, 31, "kipo-kipris", "KR", "102650748", "B1", "20240326",
     "1020230132011", "20231004", "", "공압 포설이 용이한 광케이블",
     1, "혜성씨앤씨주식회사", "", "", "",
     0, "", "", "", "", "", 2},
    {"kipo-kipris-plus/kipris_patent_utility_search_120070385648.xml", 1, 49, "kipo-kipris", "KR", "102587828", "B1", "20231011",
     "1020220151544", "20221114", "", "피복 내측 보강돌기 사이에 인장재를 구비한 광케이블",
     1, "혜성씨앤씨주식회사", "", "", "",
     0, "", "", "", "", "", 3},
    {"kipo-kipris-plus/kipris_patent_utility_search_120070385648.xml", 1, 67, "kipo-kipris", "KR", "102451759", "B1", "20221011",
     "1020220052206", "20220427", "", "추적가능한 광케이블 제조장치",
     1, "혜성씨앤씨주식회사", "", "", "",
     0, "", "", "", "", "", 4},
    {"kipo-kipris-plus/kipris_patent_utility_search_120070385648.xml", 1, 85, "kipo-kipris", "KR", "102451761", "B1", "20221011",
     "1020220052210", "20220427", "", "추적가능한 장거리 배선용 유리섬유 케이블 제조장치",
     1, "혜성씨앤씨주식회사", "", "", "",
     0, "", "", "", "", "", 5},
    {"kipo-kipris-plus/kipris_patent_utility_search_120070385648.xml", 1, 103, "kipo-kipris", "KR", "102393862", "B1", "20220504",
     "1020220001274", "20220105", "", "광케이블 제조장치",
     1, "혜성씨앤씨주식회사", "", "", "",
     0, "", "", "", "", "", 6},
    {"wipo-st96/PatentPublication_Example.xml", 1, 12, "st96", "US", "08936998", "B2", "2015-01-20",
     "13797521", "2013-03-12", "Utility", "Manufcaturing method for room-temperature substrate bonding",
     2, "Mitsubishi Heavy Industries, Ltd.", "", "", "",
     1, "JP", "2007-290922", "2007-11-08", "", "", 1},
};
// clang-format on

struct NotRead {
    int index;
    long line;
    std::string_view why;  // part of the reason given
};

// Known non-grant documents, skipped: file -> document, line of the root, reason.
const std::map<std::string_view, NotRead> kSkipped = {
    {"uspto/US06982156-20060103-SEQLST.XML", {1, 3, "sequence-cwu"}},
    {"wipo-st96/DesignApplication_Example.xml", {1, 6, "ST.96 design application"}},
};

// Known documents refused with a precise reason: file -> document, line, reason.
const std::map<std::string_view, NotRead> kRefused = {
    {"epo-ops/register_publication_epodoc_EP.3221665.A1_biblio.xml",
     {1, 3, "EP Register response, not publication data"}},
};

void check(const Expected& e, const RawDocument& d) {
    CAPTURE(e.file);
    CAPTURE(e.index);
    CAPTURE(e.record);
    CHECK(d.record == e.record);
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
    CHECK(d.family_id == e.family_id);
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

// Every XML file below samples-real (the DTDs and the manifest are not samples).
std::vector<std::filesystem::path> sample_files(const std::filesystem::path& root) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file()) continue;
        const std::string ext = entry.path().extension().string();
        if (ext == ".xml" || ext == ".XML") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST_CASE("every real sample reads to the values printed in it") {
    const auto root = samples_dir();
    if (!root) {
        MESSAGE("SKIPPED: shared/samples-real not found (PATSUB_SHARED_DIR undefined or missing)");
        return;
    }
    const auto files = sample_files(*root);
    // At the time of writing: 12 USPTO, 2 CNIPA business, 3 CNIPA legacy, 8 EP publication
    // server, 5 DOCDB, 8 OPS, 2 JPO, 2 KIPRIS, 2 ST.96.
    CHECK(files.size() == 44);
    std::set<std::tuple<std::string, int, int>> seen;
    for (const auto& path : files) {
        const std::string relative = std::filesystem::relative(path, *root).generic_string();
        CAPTURE(relative);
        CollectingSink sink;
        read_grant_file(path, sink);

        if (const auto refused = kRefused.find(relative); refused != kRefused.end()) {
            CHECK(sink.documents.empty());
            REQUIRE(sink.refused.size() == 1);
            CHECK(sink.refused[0].document_index == refused->second.index);
            CHECK(sink.refused[0].line == refused->second.line);
            CHECK(sink.refused[0].cause.find(refused->second.why) != std::string::npos);
            continue;
        }
        CHECK(sink.refused.empty());
        for (const auto& problem : sink.refused) MESSAGE(problem.cause);

        if (const auto skip = kSkipped.find(relative); skip != kSkipped.end()) {
            CHECK(sink.documents.empty());
            REQUIRE(sink.skipped.size() == 1);
            CHECK(sink.skipped[0].index == skip->second.index);
            CHECK(sink.skipped[0].line == skip->second.line);
            CHECK(sink.skipped[0].why.find(skip->second.why) != std::string::npos);
            continue;
        }
        CHECK(sink.skipped.empty());
        int expected_documents = 0;
        for (const Expected& e : kExpected)
            if (e.file == relative) ++expected_documents;
        if (expected_documents == 0) FAIL_CHECK("no expectations written for sample " << relative);
        CHECK(static_cast<int>(sink.documents.size()) == expected_documents);
        for (const auto& [index, document] : sink.documents) {
            const auto it = std::find_if(std::begin(kExpected), std::end(kExpected), [&](const Expected& e) {
                return e.file == relative && e.index == index && e.record == document.record;
            });
            if (it == std::end(kExpected)) {
                FAIL_CHECK("unexpected document " << index << " record " << document.record);
                continue;
            }
            check(*it, document);
            seen.insert({relative, index, document.record});
        }
    }
    // Every expectation was met by a file that is still there.
    for (const Expected& e : kExpected)
        CHECK_MESSAGE(seen.count({std::string(e.file), e.index, e.record}) == 1, e.file << " record " << e.record);
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
