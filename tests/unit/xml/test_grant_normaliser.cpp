// The identifier normaliser on the numbers and dates the issue-3 offices print: DOCDB/OPS
// CN application numbers without their check character, JPO and KIPO hyphenated
// application numbers, the run-together and epodoc forms of PCT applications, ISO dates.
#include "parsers/grant_normaliser.h"

#include "model/date.h"

#include <doctest/doctest.h>

namespace patsub {
namespace {

xml::RawDocument raw(std::string office, std::string number, std::string kind = "B1", std::string date = "20210707") {
    xml::RawDocument d;
    d.office = std::move(office);
    d.number = std::move(number);
    d.kind = std::move(kind);
    d.date = std::move(date);
    return d;
}

Grant normalised(const xml::RawDocument& d) {
    auto g = normalise(d, SourcePosition{"inline.xml", 1, 1});
    INFO(g.error);
    REQUIRE(g);
    return *g.value;
}

}  // namespace

TEST_CASE("normaliser: a CN application number printed without its check character gets it computed") {
    auto d = raw("CN", "104968889", "A", "20151007");
    d.application_number = "201380062258";  // OPS / DOCDB docdb form
    CHECK(normalised(d).application_number == "201380062258.8");
    d.application_number = "201380062258.8";
    CHECK(normalised(d).application_number == "201380062258.8");
    d.application_number = "201380062258.3";  // a printed check that is wrong still refuses
    const auto wrong = normalise(d, SourcePosition{});
    REQUIRE_FALSE(wrong);
    CHECK(wrong.error.find("201380062258.3") != std::string::npos);
    d.application_number = "2013800622";  // not an application number at all
    CHECK_FALSE(normalise(d, SourcePosition{}));
}

TEST_CASE("normaliser: JP and KR application and priority numbers lose their hyphens") {
    auto jp = raw("JP", "2021509175", "A", "20210318");
    jp.application_number = "2020-536678";
    jp.priorities.push_back({"KR", "10-2018-0000830", "20180103"});
    jp.priorities.push_back({"JP", "2007-290922", "2007-11-08"});
    jp.priorities.push_back({"JP", "H11-123456", ""});  // era form: kept as printed
    jp.priorities.push_back({"US", "61/713,164", ""});  // other offices: spaces only
    const Grant g = normalised(jp);
    CHECK(g.application_number == "2020536678");
    REQUIRE(g.priorities.size() == 4);
    CHECK(g.priorities[0].number == "1020180000830");
    CHECK(g.priorities[1].number == "2007290922");
    REQUIRE(g.priorities[1].date);
    CHECK(to_iso(*g.priorities[1].date) == "2007-11-08");
    CHECK(g.priorities[2].number == "H11-123456");
    CHECK(g.priorities[3].number == "61/713,164");

    auto kr = raw("KR", "102650748", "B1", "20240326");
    kr.application_number = "10-2023-0132011";
    CHECK(normalised(kr).application_number == "1020230132011");
    CHECK(grant_id(normalised(kr)) == "KR102650748B1");

    auto ep = raw("EP", "0874807", "B2", "20060802");
    ep.application_number = "96939832.0";  // EP keeps its check digit after the dot
    CHECK(normalised(ep).application_number == "96939832.0");
    CHECK(grant_id(normalised(ep)) == "EP874807B2");
}

TEST_CASE("normaliser: every printed form of a PCT application is written the PCT way") {
    const auto pct = [](std::string printed) {
        auto d = raw("EP", "3383757");
        d.pct_application = std::move(printed);
        return normalised(d).pct_application;
    };
    CHECK(pct("US2016049186") == "PCT/US2016/049186");   // EP B861, DOCDB docdb form
    CHECK(pct("KR2018016728") == "PCT/KR2018/016728");   // JPO pct-or-regional-filing-data
    CHECK(pct("US9816128") == "PCT/US98/16128");         // DOCDB, before 2004
    CHECK(pct("WO2013US64552") == "PCT/US2013/064552");  // epodoc
    CHECK(pct("WO1998US16128") == "PCT/US98/16128");
    CHECK(pct("PCT/CN2008/071839") == "PCT/CN2008/071839");
    CHECK(pct("PCT/US03/00230") == "PCT/US03/00230");
    CHECK(pct(" PCT/KR2014/ 002669") == "PCT/KR2014/002669");
    CHECK(pct("") == "");
    CHECK(pct("US20160491860") == "US20160491860");  // not a known shape: as printed
}

TEST_CASE("normaliser: ISO dates (ST.96) and ST.36 dates read alike") {
    const Grant g = normalised(raw("US", "08936998", "B2", "2015-01-20"));
    REQUIRE(g.date);
    CHECK(to_iso(*g.date) == "2015-01-20");
    CHECK(g.number == "8936998");
}

TEST_CASE("normaliser: every identifier is folded once, or the document is refused naming the code point") {
    // Full-width office, number and kind, an NBSP in the application number, a ZWSP in a
    // priority and the PCT number: all one ASCII grant (issue 12 point 1).
    auto d = raw("\uFF43\uFF4E", "\uFF12\uFF11\uFF17\u200B000101", "\uFF55", "20220812");
    d.application_number = "2022\u00A02\u00A00456789.1";
    d.priorities.push_back({"\uFF23\uFF2E", "2021\u200B1\u00A00358642.9", "20210301"});
    d.pct_application = "PCT/CN2021/\uFF10\uFF17\uFF11\uFF18\uFF13\uFF19";
    const Grant g = normalised(d);
    CHECK(grant_id(g) == "CN217000101U");
    CHECK(g.application_number == "202220456789.1");
    REQUIRE(g.priorities.size() == 1);
    CHECK(g.priorities[0].country == "CN");
    CHECK(g.priorities[0].number == "202110358642.9");
    CHECK(g.pct_application == "PCT/CN2021/071839");

    auto refused = [](const xml::RawDocument& doc) {
        auto r = normalise(doc, SourcePosition{});
        REQUIRE_FALSE(r);
        return r.error;
    };
    auto arabic = d;
    arabic.number = "\u0662\u0661\u0667000101";
    CHECK(refused(arabic).find("publication number '\u0662\u0661\u0667000101': U+0662 ARABIC-INDIC DIGIT TWO") == 0);
    auto doubled = d;
    doubled.number = "CN217000101";
    CHECK(refused(doubled) == "publication number 'CN217000101': the office CN is written twice");
    auto kinds = d;
    kinds.kind = "UU";
    CHECK(refused(kinds).find("kind 'UU'") == 0);
    auto no_kind = d;
    no_kind.kind = "\u200B";
    CHECK(refused(no_kind) == "no kind code");
    auto priority = d;
    priority.priorities[0].number = "\u0968\u0966\u0968\u0967";
    CHECK(refused(priority).find("priority number '\u0968\u0966\u0968\u0967': U+0968 DEVANAGARI DIGIT TWO") == 0);
    auto pct = d;
    pct.pct_application = "PCT/CN2021/07\u4E001839";
    CHECK(refused(pct).find("U+4E00 CJK UNIFIED IDEOGRAPH-4E00") != std::string::npos);
    auto foreign_application = raw("JP", "7123456", "B2");
    foreign_application.application_number = "\u7279\u9858" "2007-290922";
    CHECK(refused(foreign_application).find("application number '") == 0);
}

}  // namespace patsub
