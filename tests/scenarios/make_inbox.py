#!/usr/bin/env python3
"""Turns one run of a scenario case into inbox files in the offices' real layouts:

  CN grants      CNIPA `business:` XML V2.2.1, one document per file, named as CNIPA
                 names them (samples/inbox/grants/CN1020210003586...K.XML); designs in
                 the DesignBibliographicData layout (samples/.../CN3020220005...SDBPZH...XML)
  US grants      one USPTO v4.5 weekly file per issue day (ipgYYMMDD.xml): documents
                 concatenated, each with its own XML declaration and DOCTYPE; assignees
                 are the patentees; CN priorities printed "2021 1 0358642"
  EP documents   ep-patent-document v1.5.1 (shared/samples-real/epo-publication-server):
                 B110/B130/B140, B210/B220, flat B310/B320/B330 priorities, B731
                 proprietors (B711 applicants on A documents) with snm/adr/city/ctry
  other offices  an EPO DOCDB exchange file per office and run (samples-real/epo-docdb/
                 DE-backfile.xml): exch: namespace declared, family-id attribute, docdb,
                 epodoc and original forms of publication, application and priorities
  lists          payees/, disputes/, abnormal/, enterprises/ CSV files (contract.md columns)

Every CN application number carries its check character and every USCC both checks
(identifiers.py); all names and numbers are invented.

Usage: make_inbox.py CASE_DIR RUN INBOX_DIR   (writes that run's files into INBOX_DIR)
"""

import csv
import io
import sys
from datetime import date, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

sys.dont_write_bytecode = True  # the suite's modules are imported from the source tree

from cast import party  # noqa: E402
from identifiers import cn_application, cn_standard_form  # noqa: E402
from scenario_case import Case, GrantSpec, Run, parse_case  # noqa: E402


def ymd(d: date) -> str:
    return d.strftime("%Y%m%d")


def produced_on(run: Run) -> date:
    """The day the office produced the export: two days before the batch runs. It is in
    every file, so a document delivered again in a later run comes in a new file."""
    return run.as_of - timedelta(days=2)


def title_of(g: GrantSpec, lang: str) -> str:
    if g.title:
        return g.title
    return f"一种样例装置（样例数据，{g.grant_id}）" if lang == "zh" else f"Sample device {g.grant_id} (fictional sample data)"


def cn_priority_core(p) -> tuple:
    core, check = cn_application(p.number)
    return core, check, "." in p.number


# --------------------------------------------------------------------------- CNIPA business

def _cn_applicants(g: GrantSpec, indent: str) -> str:
    """business:ApplicantDetails as the real A documents print it: unused address parts
    are the literal "0"; Province, City and County carry the place."""
    lines = ['<business:ApplicantDetails representative="1">']
    for i, p in enumerate(g.owners, 1):
        if not p.name_zh:
            raise ValueError(f"{g.where}: {p.handle} has no Chinese name for a CNIPA document")
        lines += [f'  <business:Applicant sequence="{i}" appType="applicant" dataFormat="original" '
                  f'sourceDB="national office" lang="zh" creator="03" processingType="original">',
                  '    <base:AddressBook lang="zh">',
                  f'      <base:Name>{escape(p.name_zh)}</base:Name>',
                  '      <base:Address>']
        lines += [f'        <base:{t}>0</base:{t}>' for t in ("AddressLine", "AddressMailCode", "PostBox", "AddressRoom",
                                                          "AddressFloor", "AddressBuilding", "Street", "AddressCity")]
        lines += [f'        <base:County>{escape(p.county_zh)}</base:County>',
                  f'        <base:City>{escape(p.city_zh)}</base:City>',
                  f'        <base:Province>{escape(p.province_zh)}</base:Province>',
                  f'        <base:PostCode>{p.postcode}</base:PostCode>',
                  f'        <base:WIPOST3Code>{p.country}</base:WIPOST3Code>',
                  f'        <base:Text>{escape(p.address_text_zh)}</base:Text>',
                  '      </base:Address>',
                  '    </base:AddressBook>',
                  '    <business:OrganizationCode createDate="00000000" creator="00">0000000000</business:OrganizationCode>',
                  '  </business:Applicant>']
    lines.append('</business:ApplicantDetails>')
    return "\n".join(indent + l for l in lines)


def _cn_agent(indent: str) -> str:
    lines = ['<business:CustomerNumber>53199</business:CustomerNumber>',
             '<business:Agent sequence="1" lang="zh" dataFormat="original" sourceDB="national office" repType="agent" '
             'processingType="original" creator="03">',
             '  <business:Agency>',
             '    <base:AddressBook lang="zh">',
             '      <base:OrganizationName>昆明样例专利代理事务所(普通合伙) 53199</base:OrganizationName>',
             '    </base:AddressBook>',
             '  </business:Agency>',
             '  <base:AddressBook lang="zh">',
             '    <base:Name>赵示例</base:Name>',
             '  </base:AddressBook>',
             '</business:Agent>']
    return "\n".join(indent + l for l in lines)


def cn_file_name(g: GrantSpec, suffix: str) -> str:
    std = cn_standard_form(g.application)
    part = "DBPZH" if g.kind.startswith("S") else "FULZH"
    return f"CN{std}CN0000{int(g.number):09d}0{g.kind}{part}{ymd(g.date)}CN00{suffix}.XML"


def cnipa_document(g: GrantSpec, run: Run, file_name: str) -> str:
    if g.priorities or g.pct or g.family:
        raise ValueError(f"{g.where}: CNIPA business priority/PCT elements are unverified; a CN grant in a "
                         "scenario carries none (its own application number is what foreign grants cite)")
    core, check = cn_application(g.application)
    appl_type = {"1": "10", "8": "10", "2": "20", "9": "20", "3": "30"}[core[4]]
    design = g.kind.startswith("S") or g.kind.startswith("D")
    gazette = f"{(g.date.year - 1984)}-{g.date.timetuple().tm_yday:04d}"
    ids = []
    for fmt_ in ("original", "standard"):
        src = ' sourceDB="national office"' if fmt_ == "original" else ""
        ids.append(f"""    <business:PublicationReference dataFormat="{fmt_}" sequence="1"{src}>
      <base:DocumentID>
        <base:WIPOST3Code>CN</base:WIPOST3Code>
        <base:DocNumber>{g.number}</base:DocNumber>
        <base:Kind>{g.kind}</base:Kind>
        <base:Date>{ymd(g.date)}</base:Date>
      </base:DocumentID>
    </business:PublicationReference>""")
    ids.append(f"""    <business:PublicAvailabilityDate>
      <business:GazetteReference>
        <business:GazetteNumber>{gazette}</business:GazetteNumber>
        <base:Date>{ymd(g.date)}</base:Date>
      </business:GazetteReference>
    </business:PublicAvailabilityDate>""")
    for fmt_, number in (("original", f"{core}.{check}"), ("standard", cn_standard_form(core))):
        src = ' sourceDB="national office"' if fmt_ == "original" else ""
        ids.append(f"""    <business:ApplicationReference applType="{appl_type}" dataFormat="{fmt_}" sequence="1"{src}>
      <base:DocumentID>
        <base:WIPOST3Code>CN</base:WIPOST3Code>
        <base:DocNumber>{number}</base:DocNumber>
        <base:Date>{ymd(g.application_date)}</base:Date>
      </base:DocumentID>
    </business:ApplicationReference>""")

    head = f"""<?xml version="1.0" encoding="utf-8" standalone="no"?>
<!DOCTYPE business:PatentDocumentAndRelated SYSTEM "/DTDS/ExternalStandards/ipphdb-entities.dtd"[]>
<business:PatentDocumentAndRelated xmlns:base="http://www.sipo.gov.cn/XMLSchema/base" xmlns:business="http://www.sipo.gov.cn/XMLSchema/business" xmlns:m="http://www.w3.org/1998/Math/MathML" xmlns:tbl="http://oasis-open.org/specs/soextblx" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.sipo.gov.cn/XMLSchema/business /DTDS/PatentDocument/Elements/OtherElements.xsd" xsdVersion="V2.2.1" file="{file_name}" dateProduced="{ymd(produced_on(run))}" status="C" lang="zh" country="CN" docNumber="{g.number}" kind="{g.kind}" datePublication="{ymd(g.date)}">"""
    title = escape(title_of(g, "zh"))
    if design:
        return f"""{head}
  <business:DesignBibliographicData>
{chr(10).join(ids)}
    <business:PatentNumber>{core}.{check}</business:PatentNumber>
    <business:ClassificationLocarno>
      <business:MainClassification>14-02</business:MainClassification>
    </business:ClassificationLocarno>
    <business:DesignTitle lang="zh" dataFormat="original" sourceDB="national office" processingType="original" creator="03">{title}</business:DesignTitle>
{_cn_applicants(g, "    ")}
    <business:DesignerDetails>
      <business:Designer sequence="1" dataFormat="original" sourceDB="national office" lang="zh" publicationMark="0" creator="03" processingType="original">
        <base:AddressBook lang="zh">
          <base:Name>王示滇</base:Name>
        </base:AddressBook>
      </business:Designer>
    </business:DesignerDetails>
    <business:AgentDetails>
{_cn_agent("      ")}
    </business:AgentDetails>
  </business:DesignBibliographicData>
  <business:DesignBriefExplanation dataFormat="original" lang="zh" sourceDB="national office" processingType="original" creator="03">
    <base:Paragraphs>1．本外观设计产品的名称：{title}。</base:Paragraphs>
    <base:Paragraphs>2．本外观设计产品的设计要点：在于形状（虚构样例数据）。</base:Paragraphs>
  </business:DesignBriefExplanation>
</business:PatentDocumentAndRelated>
"""
    return f"""{head}
  <business:BibliographicData>
{chr(10).join(ids)}
    <business:ClassificationIPCRDetails creator="03" processingType="original">
      <business:ClassificationIPCR sequence="1">
        <business:IPCVersionDate>20060101</business:IPCVersionDate>
        <business:Section>B</business:Section>
        <business:MainClass>25</business:MainClass>
        <business:Subclass>J</business:Subclass>
        <business:MainGroup>9</business:MainGroup>
        <business:Subgroup>16</business:Subgroup>
        <business:GeneratingOffice>
          <base:WIPOST3Code>CN</base:WIPOST3Code>
        </business:GeneratingOffice>
        <business:ClassificationDataSource>H</business:ClassificationDataSource>
        <base:Text>B25J    9/16    (2006.01)</base:Text>
      </business:ClassificationIPCR>
    </business:ClassificationIPCRDetails>
    <business:InventionTitle lang="zh" dataFormat="original" sourceDB="national office" processingType="original" creator="03">{title}</business:InventionTitle>
    <business:Parties>
{_cn_applicants(g, "      ")}
      <business:InventorDetails>
        <business:Inventor sequence="1" dataFormat="original" sourceDB="national office" lang="zh" publicationMark="0" creator="03" processingType="original">
          <base:AddressBook lang="zh">
            <base:Name>李样明</base:Name>
          </base:AddressBook>
        </business:Inventor>
      </business:InventorDetails>
      <business:AgentDetails>
{_cn_agent("        ")}
      </business:AgentDetails>
    </business:Parties>
  </business:BibliographicData>
  <business:Abstract dataFormat="original" lang="zh" sourceDB="national office" processingType="original" creator="03">
    <base:Paragraphs num="0001">本{'实用新型' if core[4] in '29' else '发明'}（虚构样例数据）提供{title}。</base:Paragraphs>
  </business:Abstract>
  <business:Claims lang="zh" dataFormat="original" sourceDB="national office" creator="03">
    <business:Claim id="cl0001" num="0001">
      <business:ClaimText>1.一种样例装置，其特征在于，包括底盘(1)和控制器(2)（虚构样例数据）。</business:ClaimText>
    </business:Claim>
  </business:Claims>
</business:PatentDocumentAndRelated>
"""


# --------------------------------------------------------------------------- USPTO v4.5

US_TYPES = {"B1": "utility", "B2": "utility", "S1": "design", "S": "design", "P2": "plant", "P3": "plant",
            "E": "reissue", "E1": "reissue"}


def us_doc_number(number: str) -> str:
    """Zero-padded as the Red Book prints it: 11553104, D0976543, PP018398, RE049123."""
    prefix = "".join(ch for ch in number if ch.isalpha())
    digits = number[len(prefix):]
    width = {"": 8, "D": 7, "PP": 6, "RE": 6, "H": 7}[prefix]
    return prefix + digits.zfill(width)


def us_priority_number(p) -> str:
    if p.country != "CN":
        return p.number
    core, check, written_with_check = cn_priority_core(p)
    spaced = f"{core[:4]} {core[4]} {core[5:]}"
    return spaced + (f".{check}" if written_with_check else "")


def _us_address(p) -> str:
    state = f"<state>{p.state}</state>\n" if p.state else ""
    return f"<address>\n<city>{escape(p.city_en)}</city>\n{state}<country>{p.country}</country>\n</address>\n"


def us_applicant(p, i: int) -> str:
    return (f'<us-applicant sequence="{i:03d}" app-type="applicant" designation="us-only" '
            f'applicant-authority-category="assignee">\n<addressbook>\n<orgname>{escape(p.name_en)}</orgname>\n'
            f"{_us_address(p)}</addressbook>\n<residence>\n<country>{p.country}</country>\n</residence>\n"
            "</us-applicant>")


def us_assignee(p) -> str:
    # Role 02: US company; 03: foreign company (USPTO assignee type codes).
    role = "02" if p.country == "US" else "03"
    return (f"<assignee>\n<addressbook>\n<orgname>{escape(p.name_en)}</orgname>\n<role>{role}</role>\n"
            f"{_us_address(p)}</addressbook>\n</assignee>")


def wo_publication_date(g: GrantSpec) -> date:
    """The PCT application is published 18 months from its earliest date, before any grant."""
    earliest = min([p.date for p in g.priorities] + [g.pct.date])
    return min(earliest + timedelta(days=548), g.date - timedelta(days=120))


def us_371_date(g: GrantSpec) -> date:
    """National-phase entry under 35 USC 371, 30 months from the earliest date."""
    earliest = min([p.date for p in g.priorities] + [g.pct.date])
    return max(g.pct.date, min(earliest + timedelta(days=913), g.date - timedelta(days=200)))


def uspto_document(g: GrantSpec, run: Run) -> str:
    appl_type = US_TYPES.get(g.kind)
    if not appl_type:
        raise ValueError(f"{g.where}: US kind {g.kind} is not a grant kind the generator writes")
    doc = us_doc_number(g.number)
    app = g.application or ("29" if appl_type == "design" else "17") + g.number[-6:].zfill(6)
    prios = ""
    if g.priorities:
        rows = []
        for i, p in enumerate(g.priorities, 1):
            kind = "regional" if p.country == "EP" else "national"
            rows.append(f"""<priority-claim sequence="{i:02d}" kind="{kind}">
<country>{p.country}</country>
<doc-number>{escape(us_priority_number(p))}</doc-number>
<date>{ymd(p.date)}</date>
</priority-claim>""")
        prios = "<priority-claims>\n" + "\n".join(rows) + "\n</priority-claims>\n"
    if appl_type == "design":
        term = "<us-term-of-grant>\n<length-of-grant>15</length-of-grant>\n</us-term-of-grant>\n"
        classes = ("<classification-locarno>\n<edition>14</edition>\n<main-classification>1402</main-classification>\n"
                   "</classification-locarno>\n")
    else:
        term = "<us-term-of-grant>\n<us-term-extension>87</us-term-extension>\n</us-term-of-grant>\n"
        classes = ("<classifications-ipcr>\n<classification-ipcr>\n<ipc-version-indicator><date>20060101</date>"
                   "</ipc-version-indicator>\n<classification-level>A</classification-level>\n<section>B</section>\n"
                   "<class>25</class>\n<subclass>J</subclass>\n<main-group>9</main-group>\n<subgroup>16</subgroup>\n"
                   "<symbol-position>F</symbol-position>\n<classification-value>I</classification-value>\n"
                   f"<action-date><date>{ymd(g.date)}</date></action-date>\n<generating-office><country>US</country>"
                   "</generating-office>\n<classification-status>B</classification-status>\n"
                   "<classification-data-source>H</classification-data-source>\n</classification-ipcr>\n"
                   "</classifications-ipcr>\n")
    botanic = ("<us-botanic>\n<latin-name>Camellia reticulata</latin-name>\n<variety>Dianchi Sample</variety>\n"
               "</us-botanic>\n") if appl_type == "plant" else ""
    applicants = "\n".join(us_applicant(p, i) for i, p in enumerate(g.owners, 1))
    assignees = "\n".join(us_assignee(p) for p in g.owners)
    pct = ""
    if g.pct:
        pct = f"""<pct-or-regional-filing-data>
<document-id>
<country>WO</country>
<doc-number>{g.pct.written}</doc-number>
<kind>00</kind>
<date>{ymd(g.pct.date)}</date>
</document-id>
<us-371c124-date>
<date>{ymd(us_371_date(g))}</date>
</us-371c124-date>
</pct-or-regional-filing-data>
<pct-or-regional-publishing-data>
<document-id>
<country>WO</country>
<doc-number>WO{int(g.pct.year) + 1}/{g.pct.serial}</doc-number>
<kind>A1</kind>
<date>{ymd(wo_publication_date(g))}</date>
</document-id>
</pct-or-regional-publishing-data>
"""
    title = escape(title_of(g, "en"))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE us-patent-grant SYSTEM "us-patent-grant-v45-2014-04-03.dtd" [ ]>
<us-patent-grant lang="EN" dtd-version="v4.5 2014-04-03" file="US{doc}-{ymd(g.date)}.XML" status="PRODUCTION" id="us-patent-grant" country="US" date-produced="{ymd(produced_on(run))}" date-publ="{ymd(g.date)}">
<us-bibliographic-data-grant>
<publication-reference>
<document-id>
<country>US</country>
<doc-number>{doc}</doc-number>
<kind>{g.kind}</kind>
<date>{ymd(g.date)}</date>
</document-id>
</publication-reference>
<application-reference appl-type="{appl_type}">
<document-id>
<country>US</country>
<doc-number>{escape(app)}</doc-number>
<date>{ymd(g.application_date)}</date>
</document-id>
</application-reference>
<us-application-series-code>{app[:2]}</us-application-series-code>
{prios}{term}{classes}<invention-title id="d2e61">{title}</invention-title>
{botanic}<number-of-claims>1</number-of-claims>
<us-exemplary-claim>1</us-exemplary-claim>
<figures>
<number-of-drawing-sheets>1</number-of-drawing-sheets>
<number-of-figures>1</number-of-figures>
</figures>
<us-parties>
<us-applicants>
{applicants}
</us-applicants>
<inventors>
<inventor sequence="001" designation="us-only">
<addressbook>
<last-name>Li</last-name>
<first-name>Yangming</first-name>
<address>
<city>{escape(g.owners[0].city_en)}</city>
<country>{g.owners[0].country}</country>
</address>
</addressbook>
</inventor>
</inventors>
<agents>
<agent sequence="01" rep-type="attorney">
<addressbook>
<orgname>Example &#x26; Sample LLP</orgname>
<address>
<country>unknown</country>
</address>
</addressbook>
</agent>
</agents>
</us-parties>
<assignees>
{assignees}
</assignees>
<examiners>
<primary-examiner>
<last-name>Sample</last-name>
<first-name>Pat</first-name>
<department>3664</department>
</primary-examiner>
</examiners>
{pct}</us-bibliographic-data-grant>
<abstract id="abstract">
<p id="p-0001" num="0000">{title}: a chassis and a controller.</p>
</abstract>
<description id="description">
<heading id="h-0001" level="1">FIELD</heading>
<p id="p-0002" num="0001">The present disclosure relates to {title}.</p>
</description>
<us-claim-statement>What is claimed is:</us-claim-statement>
<claims id="claims">
<claim id="CLM-00001" num="00001">
<claim-text>1. A device comprising a chassis and a controller.</claim-text>
</claim>
</claims>
</us-patent-grant>
"""


# --------------------------------------------------------------------------- EPO publication server

def ep_application(g: GrantSpec) -> str:
    if g.application:
        return g.application
    digits = f"{g.date.year % 100 - 2:02d}{int(g.number) % 1000000:06d}"
    return f"{digits}.{sum(int(c) for c in digits) % 10}"


def ep_priority_number(p) -> str:
    """B310 as the EPO prints it: CN numbers without the check character unless the case
    wrote one; others as given."""
    if p.country != "CN":
        return p.number
    core, check, written_with_check = cn_priority_core(p)
    return f"{core}.{check}" if written_with_check else core


def ep_street(p) -> str:
    return f"No. {p.postcode[-3:]} Sample Road" if p.country == "CN" else "100 Sample Avenue"


def ep_city(p) -> str:
    """EPO prints the postcode with the city ("42100 Saint-Etienne", "Melville, NY 11747")."""
    if p.country == "CN":
        return f"{p.city_en}, Yunnan {p.postcode}" if p.province_zh == "云南省" else f"{p.city_en} {p.postcode}"
    return f"{p.city_en}, {p.state} {p.postcode}" if p.state else p.city_en


def ep_document(g: GrantSpec, run: Run) -> tuple:
    app = ep_application(g)
    app_core = app.split(".")[0]
    grant_doc = g.kind.startswith("B")
    if grant_doc:
        b121 = ("<B120><B121>EUROPEAN PATENT SPECIFICATION</B121></B120>" if g.kind == "B1" else
                "<B120><B121>NEW EUROPEAN PATENT SPECIFICATION</B121><B121EP>After opposition procedure</B121EP>"
                "</B120>")
    else:
        b121 = ""
    week = f"{g.date.isocalendar()[0]}{g.date.isocalendar()[1]:02d}"
    granted = g.granted or g.date
    gweek = f"{granted.isocalendar()[0]}{granted.isocalendar()[1]:02d}"
    a_pub = min(g.application_date + timedelta(days=540), g.date - timedelta(days=200)) if grant_doc else g.date
    aweek = f"{a_pub.isocalendar()[0]}{a_pub.isocalendar()[1]:02d}"
    b400 = f"<B400><B405><date>{ymd(g.date)}</date><bnum>{week}</bnum></B405><B430><date>{ymd(a_pub)}</date><bnum>{aweek}</bnum></B430>"
    if grant_doc:
        b400 += f"<B450><date>{ymd(granted)}</date><bnum>{gweek}</bnum></B450>"
        if g.kind != "B1":
            b400 += f"<B477><date>{ymd(g.date)}</date><bnum>{week}</bnum></B477>"
    b400 += "</B400>"
    b300 = ""
    if g.priorities:
        b300 = "<B300>" + "".join(f"<B310>{escape(ep_priority_number(p))}</B310><B320><date>{ymd(p.date)}</date></B320>"
                                  f"<B330><ctry>{p.country}</ctry></B330>" for p in g.priorities) + "</B300>"
    holder, slot = ("B730", "B731") if grant_doc else ("B710", "B711")
    owners = "".join(f"<{slot}><snm>{escape(p.name_en)}</snm><iid>10{i:07d}</iid><irf>KM-{g.number}-{i}</irf>"
                     f"<adr><str>{escape(ep_street(p))}</str><city>{escape(ep_city(p))}</city>"
                     f"<ctry>{p.country}</ctry></adr></{slot}>"
                     for i, p in enumerate(g.owners, 1))
    states = ("AL AT BE BG CH CY CZ DE DK EE ES FI FR GB GR HR HU IE IS IT LI LT LU LV MC MK MT NL NO PL PT RO RS SE "
              "SI SK SM TR").split()
    b800 = "<B800><B840>" + "".join(f"<ctry>{s}</ctry>" for s in states) + "</B840>"
    if g.pct:
        b800 += (f"<B860><B861><dnum><anum>{g.pct.receiving_office}{g.pct.year}{g.pct.serial}</anum></dnum>"
                 f"<date>{ymd(g.pct.date)}</date></B861><B862>zh</B862></B860>"
                 f"<B870><B871><dnum><pnum>WO{int(g.pct.year) + 1}{g.pct.serial}</pnum></dnum>"
                 f"<date>{ymd(wo_publication_date(g))}</date><bnum>{aweek}</bnum></B871></B870>")
    b800 += "</B800>"
    title = escape(title_of(g, "en"))
    file_name = f"EP{app_core}NW{g.kind}.xml"
    text = f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE ep-patent-document PUBLIC "-//EPO//EP PATENT DOCUMENT 1.5.1//EN" "ep-patent-document-v1-5-1.dtd">
<!-- This XML data has been generated under the supervision of the European Patent Office -->
<ep-patent-document id="EP{app_core}{g.kind}" file="{file_name}" lang="en" country="EP" doc-number="{int(g.number):07d}" kind="{g.kind}" date-publ="{ymd(g.date)}" status="n" dtd-version="ep-patent-document-v1-5-1">
<SDOBI lang="en"><B000><eptags><B001EP>ATBECHDEDKESFRGBGRITLILUNLSEMCPTIESILTLVFIROMKCYALTRBGCZEEHUPLSK..HRIS..MTNORS..SM..................</B001EP><B003EP>*</B003EP><B005EP>J</B005EP><B007EP>BDM Ver 2.0.21 ({ymd(produced_on(run))}) -  2100000/0</B007EP></eptags></B000><B100><B110>{int(g.number):07d}</B110>{b121}<B130>{g.kind}</B130><B140><date>{ymd(g.date)}</date></B140><B190>EP</B190></B100><B200><B210>{app}</B210><B220><date>{ymd(g.application_date)}</date></B220><B250>en</B250><B251EP>en</B251EP><B260>en</B260></B200>{b300}{b400}<B500><B510EP><classification-ipcr sequence="1"><text>B25J   9/16        20060101AFI20210101BHEP        </text></classification-ipcr></B510EP><B540><B541>de</B541><B542>MUSTERVORRICHTUNG (FIKTIVE BEISPIELDATEN)</B542><B541>en</B541><B542>{title.upper()}</B542><B541>fr</B541><B542>DISPOSITIF EXEMPLE (DONNÉES FICTIVES)</B542></B540></B500><B700><B720><B721><snm>LI, Yangming</snm><adr><str>Sample Road 1</str><city>Kunming</city><ctry>CN</ctry></adr></B721></B720><{holder}>{owners}</{holder}><B740><B741><snm>Sample &amp; Example Patentanwälte</snm><iid>101000001</iid><adr><str>Beispielstraße 1</str><city>80331 München</city><ctry>DE</ctry></adr></B741></B740></B700>{b800}</SDOBI>
<description id="desc" lang="en"><!-- EPO <DP n="1"> -->
<p id="p0001" num="0001">{title}: a chassis and a controller.</p>
</description>
<claims id="claims01" lang="en"><!-- EPO <DP n="2"> -->
<claim id="c-en-01-0001" num="0001">
<claim-text>A device comprising a chassis and a controller.</claim-text></claim>
</claims>
</ep-patent-document>
"""
    return file_name, text


# --------------------------------------------------------------------------- EPO DOCDB

def docdb_cn_priority(p) -> tuple:
    core, check, _ = cn_priority_core(p)
    kind = {"1": "A", "8": "A", "2": "U", "9": "U", "3": "S"}[core[4]]
    return core, kind, f"{core}.{check}"


def docdb_document(g: GrantSpec, run: Run, ordinal: int) -> str:
    app = g.application or f"{g.application_date.year}{int(''.join(c for c in g.number if c.isdigit())) % 1000000:06d}"
    family = g.family or str(900000000 + ordinal)
    claims = []
    originals = []
    seq = 0
    for p in g.priorities:
        seq += 1
        if p.country == "CN":
            num, kind, original = docdb_cn_priority(p)
        else:
            num, kind, original = p.number, "A", p.number
        claims.append(f'<exch:priority-claim sequence="{seq}" data-format="docdb"><document-id><country>{p.country}'
                      f'</country><doc-number>{escape(num)}</doc-number><kind>{kind}</kind><date>{ymd(p.date)}</date>'
                      f'</document-id><exch:priority-active-indicator>Y</exch:priority-active-indicator>'
                      f'</exch:priority-claim><exch:priority-claim sequence="{seq}" data-format="epodoc"><document-id>'
                      f'<doc-number>{p.country}{escape(num)}</doc-number></document-id></exch:priority-claim>')
        originals.append((seq, original))
    if g.pct:
        seq += 1
        ro, year, serial = g.pct.receiving_office, g.pct.year, g.pct.serial
        claims.append(f'<exch:priority-claim sequence="{seq}" data-format="docdb"><document-id><country>{ro}</country>'
                      f'<doc-number>{year}{serial}</doc-number><kind>W</kind><date>{ymd(g.pct.date)}</date>'
                      f'</document-id><exch:priority-linkage-type>W</exch:priority-linkage-type>'
                      f'<exch:priority-active-indicator>N</exch:priority-active-indicator></exch:priority-claim>'
                      f'<exch:priority-claim sequence="{seq}" data-format="epodoc"><document-id><doc-number>'
                      f'WO{year}{ro}{int(serial)}</doc-number></document-id></exch:priority-claim>')
        originals.append((seq, g.pct.written))
    claims += [f'<exch:priority-claim sequence="{s}" data-format="original"><document-id><doc-number>{escape(o)}'
               f'</doc-number></document-id></exch:priority-claim>' for s, o in originals]
    prio = f"<exch:priority-claims>{''.join(claims)}</exch:priority-claims>" if claims else ""
    applicants = "".join(
        f'<exch:applicant sequence="{i}" data-format="docdb"><exch:applicant-name><name>{escape(p.docdb_name)}</name>'
        f'</exch:applicant-name><residence><country>{p.country}</country></residence></exch:applicant>'
        f'<exch:applicant sequence="{i}" data-format="docdba"><exch:applicant-name><name>{escape(p.name_en)}</name>'
        f'</exch:applicant-name></exch:applicant>' for i, p in enumerate(g.owners, 1))
    app_kind = "U" if g.kind.startswith(("U", "Y")) else "A"
    return (f'<exch:exchange-document country="{g.office}" doc-number="{g.number}" kind="{g.kind}" '
            f'doc-id="{500000000 + ordinal}" date-publ="{ymd(g.date)}" family-id="{family}" is-representative="NO" '
            f'date-of-last-exchange="{ymd(produced_on(run))}" date-added-docdb="{ymd(g.date + timedelta(days=3))}" '
            f'originating-office="EP"><exch:bibliographic-data>'
            f'<exch:publication-reference data-format="docdb"><document-id><country>{g.office}</country>'
            f'<doc-number>{g.number}</doc-number><kind>{g.kind}</kind><date>{ymd(g.date)}</date></document-id>'
            f'</exch:publication-reference><exch:publication-reference data-format="epodoc"><document-id>'
            f'<doc-number>{g.office}{g.number}</doc-number></document-id></exch:publication-reference>'
            f'<exch:classifications-ipcr><classification-ipcr sequence="1"><text>B25J   9/16        20060101A I20210101RMEP'
            f'        </text></classification-ipcr></exch:classifications-ipcr>'
            f'<exch:application-reference is-representative="NO" doc-id="{600000000 + ordinal}" data-format="docdb">'
            f'<document-id><country>{g.office}</country><doc-number>{escape(app)}</doc-number><kind>{app_kind}</kind>'
            f'<date>{ymd(g.application_date)}</date></document-id></exch:application-reference>'
            f'<exch:application-reference data-format="epodoc"><document-id><doc-number>{g.office}{escape(app)}'
            f'</doc-number></document-id></exch:application-reference>{prio}'
            f'<exch:parties><exch:applicants>{applicants}</exch:applicants><exch:inventors>'
            f'<exch:inventor sequence="1" data-format="docdb"><exch:inventor-name><name>LI YANGMING</name>'
            f'</exch:inventor-name><residence><country>CN</country></residence></exch:inventor></exch:inventors>'
            f'</exch:parties><exch:invention-title lang="en" data-format="docdba">{escape(title_of(g, "en"))}'
            f'</exch:invention-title></exch:bibliographic-data></exch:exchange-document>')


def docdb_file(office: str, docs: list, run: Run) -> tuple:
    week = run.as_of.isocalendar()
    name = f"DOCDB-{week[0]}{week[1]:02d}-{run.index:03d}-{office}-0001"
    text = ('<?xml version="1.0" encoding="UTF-8" standalone="no"?><!DOCTYPE exch:exchange-documents SYSTEM '
            '"docdb-entities.dtd"><exch:exchange-documents xmlns:exch="http://www.epo.org/exchange" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.epo.org/exchange '
            f'exchange-documents-v2.5.9.xsd" date-of-exchange="{ymd(produced_on(run))}" dtd-version="2.5.9" '
            f'file="{name}" no-of-documents="{len(docs):07d}" originating-office="EP">'
            + "\n    ".join(docs) + "</exch:exchange-documents>\n")
    return name + ".xml", text


# --------------------------------------------------------------------------- lists

def csv_text(header: list, rows: list) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def payee_rows(handles: list) -> list:
    return [[p.uscc, p.name_zh, "|".join(p.aliases), p.district, p.bank_name, p.bank_account]
            for p in (party(h) for h in handles)]


# --------------------------------------------------------------------------- one run

def run_files(case: Case, run: Run) -> list:
    """(path relative to the inbox, text) for every file this run adds to the inbox."""
    files = []
    ordinal = sum(len(r.grants) for r in case.runs[: run.index - 1])
    suffix = "ABCDEFGHJK"[(run.index - 1) % 10]
    us_by_file = {}
    docdb_by_office = {}
    for g in run.grants:
        ordinal += 1
        if g.office == "CN":
            name = g.file or cn_file_name(g, suffix)
            files.append((f"grants/{name}", cnipa_document(g, run, name)))
        elif g.office == "US":
            name = g.file or f"ipg{g.date.strftime('%y%m%d')}.xml"
            us_by_file.setdefault(name, []).append(uspto_document(g, run))
        elif g.office == "EP":
            name, text = ep_document(g, run)
            files.append((f"grants/{g.file or name}", text))
        else:
            docdb_by_office.setdefault(g.office, []).append(docdb_document(g, run, ordinal))
    for name, docs in us_by_file.items():
        files.append((f"grants/{name}", "".join(docs)))
    for office, docs in docdb_by_office.items():
        name, text = docdb_file(office, docs, run)
        files.append((f"grants/{name}", text))
    tag = f"run{run.index}"
    if run.payees:
        files.append((f"payees/registry-{tag}.csv",
                      csv_text(["uscc", "name", "aliases", "district", "bank_name", "bank_account"],
                               payee_rows(run.payees))))
    for name, handles in run.payee_files:
        files.append((f"payees/{name}",
                      csv_text(["uscc", "name", "aliases", "district", "bank_name", "bank_account"],
                               payee_rows(handles))))
    if run.disputes:
        files.append((f"disputes/disputes-{tag}.csv", csv_text(["patent", "status", "date", "note"], run.disputes)))
    if run.abnormal:
        files.append((f"abnormal/abnormal-{tag}.csv",
                      csv_text(["application_number", "notice", "notice_date"], run.abnormal)))
    if run.enterprises:
        files.append((f"enterprises/recognitions-{tag}.csv",
                      csv_text(["uscc", "name", "recognition", "year"],
                               [[party(h).uscc, party(h).name_zh, rec, year] for h, rec, year in run.enterprises])))
    return files


def write_run(case: Case, run: Run, inbox: Path) -> list:
    """Adds this run's files to the inbox (earlier runs' files stay, as in a real inbox);
    a name already taken gets a run suffix rather than replacing the earlier file."""
    for sub in ("grants", "abnormal", "disputes", "payees", "enterprises"):
        (inbox / sub).mkdir(parents=True, exist_ok=True)
    written = []
    for rel, text in run_files(case, run):
        target = inbox / rel
        if target.exists():
            target = target.with_name(f"{target.stem}-run{run.index}{target.suffix}")
        if target.exists():
            raise FileExistsError(f"{target}: two files of run {run.index} want the same name")
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


def main(argv: list) -> int:
    if len(argv) != 4:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    case = parse_case(Path(argv[1]))
    k = int(argv[2])
    for path in write_run(case, case.runs[k - 1], Path(argv[3])):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
