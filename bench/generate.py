#!/usr/bin/env python3
"""Writes large, realistic, made-up grant inputs for patsub's benchmark (docs/performance.md).

Python 3 standard library only; the same --seed and --count give the same bytes.

    generate.py FORMAT --count N --out DIR [--seed S] [--kunming-share 0.02] [--layout ...]

FORMAT is one of
  uspto   a USPTO weekly file (ipgYYMMDD.xml): full-text grants concatenated, each with
          its own <?xml?> and DOCTYPE, 50-150 KB per utility grant, element structure of
          the real v4.5 (US08930553) and v4.2 (US07864699) grants; a few designs, plants
          and sequence listings, as in a real week.
  cnipa   a CNIPA delivery of ~4 KB `business:` bibliographic documents (layout of
          shared/samples-real/cnipa-business and samples/inbox/grants): --layout files
          writes one file per document, concat one concatenated delivery file.
  ep      EPO publication-server ep-patent-document B1/B2 grants, one file each.
  docdb   one EPO DOCDB bulk file (exch:exchange-documents) of bibliographic records.

DIR receives
  inbox/grants/...              the documents, ready for `patsub run --inbox DIR/inbox`
  inbox/payees/<registry>.csv   a copy of the payee registry the Kunming names come from
  twin.xml                      the same documents inside one root element, without
                                their XML declarations and DOCTYPEs: `xmllint --stream`
                                stops at a file's second declaration
  manifest.json                 what was written (documents, bytes, Kunming share, seed)

A share of the documents (--kunming-share, default 2%) name as first patentee a Kunming
entity of the payee registry (its Chinese name on CNIPA documents, its English alias on
foreign ones), so that `patsub run` writes ledger lines; --held-share more name a Kunming
entity that is not registered (held lines). Every CN application number carries its check
digit; every grant date lies after 2019-06-12. All names, addresses and texts are invented.
"""
import argparse
import csv
import datetime
import json
import os
import random
import re
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_REGISTRY = REPO / "samples" / "inbox" / "payees" / "registry-2023-01.csv"
POLICY_START = datetime.date(2019, 6, 12)

# --------------------------------------------------------------------------------------
# Identifiers

CN_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)


def cn_check_digit(core12):
    """GB/T check character of a 12-digit CN application number (10 -> X)."""
    total = sum(int(d) * w for d, w in zip(core12, CN_WEIGHTS))
    r = total % 11
    return "X" if r == 10 else str(r)


def cn_application(year, type_digit, serial):
    """(original form 202110358642.9, standard form 102021000358642, core 202110358642)."""
    core = f"{year:04d}{type_digit}{serial:07d}"
    original = f"{core}.{cn_check_digit(core)}"
    standard = f"{type_digit}0{year:04d}00{serial:07d}"
    return original, standard, core


def ymd(d):
    return d.strftime("%Y%m%d")


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --------------------------------------------------------------------------------------
# Vocabulary (invented; nothing here names a real company or person)

EN_WORDS = (
    "a the said an each first second third plurality of at least one wherein configured to "
    "module unit circuit signal processor memory controller interface housing frame member "
    "assembly layer substrate sensor actuator valve shaft bearing gear spring coupling port "
    "channel network node packet message session request response data storage medium "
    "instruction program device apparatus system method step receiving transmitting "
    "determining generating comprising including coupled connected disposed adjacent "
    "between within along about relative predetermined threshold value parameter frequency "
    "voltage current temperature pressure flow rate position angle surface edge portion "
    "region area opening cavity chamber wall plate cover lid base support bracket arm "
    "motor drive battery cell electrode terminal conductor insulating film coating polymer "
    "composition compound solution mixture catalyst reaction temperature heating cooling "
    "optical lens light source beam image pixel display panel screen touch input output "
    "wireless antenna carrier band channel encoder decoder filter amplifier converter "
    "embodiment example illustrated shown described herein further accordingly thereby "
    "respectively substantially approximately generally typically alternatively preferably"
).split()

EN_HEADINGS = (
    "CROSS-REFERENCE TO RELATED APPLICATIONS", "FIELD", "BACKGROUND", "SUMMARY",
    "BRIEF DESCRIPTION OF THE DRAWINGS", "DETAILED DESCRIPTION", "EXAMPLES",
    "TECHNICAL FIELD", "DESCRIPTION OF THE RELATED ART", "OTHER EMBODIMENTS",
)

US_ORGS = (
    "Northwind Signal Systems, Inc.", "Bluefield Robotics LLC", "Cedar Ridge Instruments Corp.",
    "Harbor Point Semiconductor, Inc.", "Silverlake Medical Devices LLC", "Granite Peak Software, Inc.",
    "Ironwood Materials Company", "Maple Grove Optics Corporation", "Summit Valley Energy, Inc.",
    "Red Mesa Automotive LLC", "Clearwater Biologics, Inc.", "Oak Hollow Networks Corp.",
    "Shenzhen Sample Telecom Technologies Co., Ltd.", "Hangzhou Example Vision Co., Ltd.",
    "Beijing Placeholder Electronics Co., Ltd.", "Osaka Fictional Machinery K.K.",
    "Nordlicht Beispiel GmbH", "Seoul Demo Display Co., Ltd.", "Lyon Exemple Industries SA",
)
US_CITIES = (
    ("Austin", "TX", "US"), ("San Jose", "CA", "US"), ("Boston", "MA", "US"), ("Armonk", "NY", "US"),
    ("Seattle", "WA", "US"), ("Denver", "CO", "US"), ("Shenzhen", None, "CN"), ("Hangzhou", None, "CN"),
    ("Beijing", None, "CN"), ("Osaka", None, "JP"), ("Munich", None, "DE"), ("Seoul", None, "KR"),
    ("Lyon", None, "FR"),
)
FIRST_NAMES = ("Alex", "Jordan", "Morgan", "Taylor", "Casey", "Riley", "Jamie", "Avery", "Quinn", "Drew",
               "Wei", "Li", "Hiro", "Min-jun", "Lena", "Pierre")
LAST_NAMES = ("Sample", "Example", "Placeholder", "Fictive", "Testwell", "Mockford", "Dummett", "Proto",
              "Zhang", "Wang", "Tanaka", "Kim", "Muller", "Martin")

ZH_CHARS = ("一种装置方法系统结构组件电路信号处理存储控制接口壳体框架构件层基板传感器执行阀轴承齿轮弹簧"
            "连接端口通道网络节点数据介质程序设备步骤接收发送确定生成包括耦合设置相邻之间内部沿着预定阈值"
            "参数频率电压电流温度压力流量位置角度表面边缘部分区域开口腔室壁板盖底座支架臂电机驱动电池电极"
            "导体绝缘薄膜涂层聚合物组合化合物溶液混合催化反应加热冷却光学透镜光源图像像素显示面板屏幕触摸"
            "输入输出无线天线载波编码解码滤波放大转换实施例所述进一步从而分别基本大约通常优选")
ZH_TITLE_TAILS = ("装置", "方法", "系统", "组件", "设备", "结构", "控制电路", "制备方法", "检测装置", "连接器")
ZH_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
ZH_GIVEN = "样示例伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"
# Cities outside Kunming, written so that no policy marker (昆明, 五华区, 官渡区, 安宁市, ...)
# occurs in them: these patentees must stay out of scope.
ZH_PLACES = (
    ("北京市", "北京市", "海淀区", "100080"), ("上海市", "上海市", "浦东新区", "201203"),
    ("广东省", "深圳市", "南山区", "518057"), ("浙江省", "杭州市", "西湖区", "310012"),
    ("四川省", "成都市", "武侯区", "610041"), ("江苏省", "南京市", "鼓楼区", "210008"),
    ("湖北省", "武汉市", "洪山区", "430074"), ("陕西省", "西安市", "雁塔区", "710061"),
    ("贵州省", "贵阳市", "观山湖区", "550081"), ("广西壮族自治区", "南宁市", "青秀区", "530022"),
)
ZH_INDUSTRY = ("智能科技", "电子", "新材料", "机械制造", "生物医药", "光电", "通信技术", "能源科技",
               "精密仪器", "软件")
KUNMING_COUNTIES = (("五华区", "650021"), ("官渡区", "650200"), ("呈贡区", "650500"), ("西山区", "650100"))


class Vocabulary:
    """Deterministic pools of sentences and names drawn once from the seed."""

    def __init__(self, rng):
        self.rng = rng
        self.sentences = [self._sentence() for _ in range(4000)]
        self.zh_sentences = ["".join(rng.choices(ZH_CHARS, k=rng.randint(18, 40))) + "。"
                             for _ in range(2000)]

    def _sentence(self):
        rng = self.rng
        words = rng.choices(EN_WORDS, k=rng.randint(12, 30))
        # Inline markup and character references, as the real descriptions carry them.
        r = rng.random()
        if r < 0.25:
            words.insert(rng.randrange(len(words)), f"<b>{rng.randint(10, 420)}</b>")
        elif r < 0.35:
            words.insert(rng.randrange(len(words)), "<i>e.g.</i>,")
        elif r < 0.42:
            words.insert(rng.randrange(len(words)), "about 5&#x3bc;m")
        elif r < 0.48:
            words.insert(rng.randrange(len(words)), "&#x2014;")
        words[0] = words[0].capitalize()
        return " ".join(words) + "."

    def paragraph(self, n_min=3, n_max=8):
        return " ".join(self.rng.choices(self.sentences, k=self.rng.randint(n_min, n_max)))

    def title(self):
        words = self.rng.choices(EN_WORDS[20:], k=self.rng.randint(3, 9))
        return " ".join(words).capitalize()

    def zh_text(self, sentences):
        return "".join(self.rng.choices(self.zh_sentences, k=sentences))

    def zh_title(self):
        return "".join(self.rng.choices(ZH_CHARS, k=self.rng.randint(4, 12))) + self.rng.choice(ZH_TITLE_TAILS)

    def zh_person(self):
        return self.rng.choice(ZH_SURNAMES) + "".join(self.rng.choices(ZH_GIVEN, k=self.rng.randint(1, 2)))

    def zh_company(self, place):
        return place[1].rstrip("市") + "".join(self.rng.choices(ZH_CHARS, k=2)) + self.rng.choice(ZH_INDUSTRY) + "有限公司"


# --------------------------------------------------------------------------------------
# Who the patentee is: most documents name nobody in Kunming; a share names a registered
# payee, a smaller share a Kunming-looking entity missing from the registry.

class Patentees:
    def __init__(self, rng, registry, kunming_share, held_share):
        self.rng = rng
        self.registry = registry
        self.kunming_share = kunming_share
        self.held_share = held_share
        self.kunming = 0
        self.held = 0

    def pick(self):
        """'payee' with a registry row, 'held' or 'other'."""
        r = self.rng.random()
        if r < self.kunming_share and self.registry:
            self.kunming += 1
            return "payee", self.rng.choice(self.registry)
        if r < self.kunming_share + self.held_share:
            self.held += 1
            return "held", None
        return "other", None


def read_registry(path):
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            aliases = [a.strip() for a in row["aliases"].split("|") if a.strip()]
            rows.append({"name": row["name"], "alias": aliases[0] if aliases else row["name"],
                         "district": row["district"]})
    return rows


# --------------------------------------------------------------------------------------
# USPTO full-text grants

US_PROLOG = ('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<!DOCTYPE us-patent-grant SYSTEM "{dtd}" [ ]>\n')
US_DTD = {"v4.5": ("us-patent-grant-v45-2014-04-03.dtd", "v4.5 2014-04-03"),
          "v4.2": ("us-patent-grant-v42-2006-08-23.dtd", "v4.2 2006-08-23")}


class UsptoWeek:
    def __init__(self, rng, vocab, patentees, grant_date):
        self.rng = rng
        self.v = vocab
        self.p = patentees
        self.date = grant_date
        self.utility_number = rng.randint(10_600_000, 11_900_000)
        self.design_number = rng.randint(880_000, 990_000)
        self.plant_number = rng.randint(31_000, 34_000)
        self.application_serial = rng.randint(15_000_000, 17_999_999)

    def document(self):
        """(prolog, body, kind label)."""
        r = self.rng.random()
        if r < 0.002:
            return self._sequence_listing()
        if r < 0.07:
            return self._grant("design")
        if r < 0.075:
            return self._grant("plant")
        return self._grant("utility")

    def _sequence_listing(self):
        rng = self.rng
        seqs = []
        for i in range(1, rng.randint(3, 12)):
            residues = "".join(rng.choices("acgt", k=rng.randint(300, 1200)))
            seqs.append(f'<s-seq-data id="SEQ-{i:04d}"><s-seq-length>{len(residues)}</s-seq-length>'
                        f'<s-seq-type>DNA</s-seq-type><s-seq-text>{residues}</s-seq-text></s-seq-data>\n')
        body = (f'<sequence-cwu id="SEQLST-{self.utility_number:08d}" file="US{self.utility_number:08d}-'
                f'{ymd(self.date)}-SEQLST.XML" country="US" dtd-version="v1.3" date-publ="{ymd(self.date)}">\n'
                f'<publication-reference><document-id><country>US</country><doc-number>{self.utility_number:08d}'
                f'</doc-number><kind>B2</kind><date>{ymd(self.date)}</date></document-id></publication-reference>\n'
                + "".join(seqs) + "</sequence-cwu>\n")
        return ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<!DOCTYPE sequence-cwu SYSTEM "us-sequence-listing-2004-03-09.dtd" [ ]>\n', body, "sequence")

    def _party_xml(self, version, who, row):
        """(applicants block, assignees block) for one grant."""
        rng, v = self.rng, self.v
        inventors = [(rng.choice(LAST_NAMES), rng.choice(FIRST_NAMES), rng.choice(US_CITIES))
                     for _ in range(rng.randint(1, 4))]
        if who == "payee":
            org, city, state, country = row["alias"], "Kunming", None, "CN"
        elif who == "held":
            org, city, state, country = "Kunming Sample Unregistered Technology Co., Ltd.", "Kunming", None, "CN"
        elif rng.random() < 0.12:
            org = None  # unassigned: the inventors are the patentees
            city, state, country = inventors[0][2]
        else:
            org = rng.choice(US_ORGS)
            city, state, country = rng.choice(US_CITIES)

        def address(c, s, k):
            return ("<address>\n" + f"<city>{c}</city>\n" + (f"<state>{s}</state>\n" if s else "")
                    + f"<country>{k}</country>\n</address>\n")

        people = []
        for i, (last, first, (c, s, k)) in enumerate(inventors, 1):
            people.append((i, f"<addressbook>\n<last-name>{last}</last-name>\n<first-name>{first}</first-name>\n"
                              + address(c, s, k) + "</addressbook>\n", k))
        agent = ("<agents>\n<agent sequence=\"01\" rep-type=\"attorney\">\n<addressbook>\n"
                 f"<orgname>{rng.choice(LAST_NAMES)}, {rng.choice(LAST_NAMES)} &#x26; {rng.choice(LAST_NAMES)}, LLP</orgname>\n"
                 "<address>\n<country>unknown</country>\n</address>\n</addressbook>\n</agent>\n</agents>\n")
        if version == "v4.5":
            applicants = []
            if org:
                applicants.append(f'<us-applicant sequence="001" app-type="applicant" designation="us-only" '
                                  f'applicant-authority-category="assignee">\n<addressbook>\n<orgname>{xml_escape(org)}'
                                  f'</orgname>\n' + address(city, state, country) + "</addressbook>\n"
                                  f"<residence>\n<country>{country}</country>\n</residence>\n</us-applicant>\n")
            inv = []
            for i, book, k in people:
                if not org:
                    applicants.append(f'<us-applicant sequence="{i:03d}" app-type="applicant" designation="us-only" '
                                      f'applicant-authority-category="inventor">\n{book}'
                                      f"<residence>\n<country>{k}</country>\n</residence>\n</us-applicant>\n")
                inv.append(f'<inventor sequence="{i:03d}" designation="us-only">\n{book}</inventor>\n')
            parties = ("<us-parties>\n<us-applicants>\n" + "".join(applicants) + "</us-applicants>\n<inventors>\n"
                       + "".join(inv) + "</inventors>\n" + agent + "</us-parties>\n")
        else:
            applicants = []
            for i, book, k in people:
                applicants.append(f'<applicant sequence="{i:03d}" app-type="applicant-inventor" designation="us-only">\n'
                                  f"{book}<nationality>\n<country>omitted</country>\n</nationality>\n"
                                  f"<residence>\n<country>{k}</country>\n</residence>\n</applicant>\n")
            parties = "<parties>\n<applicants>\n" + "".join(applicants) + "</applicants>\n" + agent + "</parties>\n"
        assignees = ""
        if org:
            assignees = ("<assignees>\n<assignee>\n<addressbook>\n" f"<orgname>{xml_escape(org)}</orgname>\n"
                         "<role>03</role>\n" + address(city, state, country) + "</addressbook>\n</assignee>\n</assignees>\n")
        return parties, assignees

    def _citations(self, version, n):
        rng = self.rng
        tag, cat = ("us-citation", "cited by applicant") if version == "v4.5" else ("citation", "cited by other")
        out = []
        for i in range(1, n + 1):
            if rng.random() < 0.6:
                num, kind = str(rng.randint(4_000_000, 10_500_000)), rng.choice(("B1", "B2", "A"))
            else:
                num, kind = f"{rng.randint(2003, 2019)}/{rng.randint(1, 399999):07d}", "A1"
            out.append(f'<{tag}>\n<patcit num="{i:05d}">\n<document-id>\n<country>US</country>\n'
                       f"<doc-number>{num}</doc-number>\n<kind>{kind}</kind>\n<name>{rng.choice(LAST_NAMES)} et al."
                       f"</name>\n<date>{rng.randint(1995, 2019)}{rng.randint(1, 12):02d}00</date>\n</document-id>\n"
                       f"</patcit>\n<category>{cat}</category>\n</{tag}>\n")
        outer = "us-references-cited" if version == "v4.5" else "references-cited"
        return f"<{outer}>\n" + "".join(out) + f"</{outer}>\n"

    def _description(self, target_bytes, figures):
        rng, v = self.rng, self.v
        parts = ['<description id="description">\n', '<?BRFSUM description="Brief Summary" end="lead"?>\n']
        size, p, h = 0, 1, 1
        headings = list(EN_HEADINGS)
        rng.shuffle(headings)
        while size < target_bytes:
            if p == 1 or rng.random() < 0.06:
                heading = f'<heading id="h-{h:04d}" level="1">{headings[h % len(headings)]}</heading>\n'
                parts.append(heading)
                size += len(heading)
                h += 1
            text = v.paragraph()
            if rng.random() < 0.2:
                text = f'<figref idref="DRAWINGS">FIG. {rng.randint(1, figures)}</figref> ' + text
            if rng.random() < 0.02:
                text += (' <maths id="MATH-US-{0:05d}" num="{0:05d}"><math overflow="scroll">'
                         '<mrow><mi>y</mi><mo>=</mo><msup><mi>x</mi><mn>2</mn></msup></mrow></math></maths>').format(p)
            para = f'<p id="p-{p + 1:04d}" num="{p:04d}">{text}</p>\n'
            parts.append(para)
            size += len(para)
            p += 1
        parts.append('<?BRFSUM description="Brief Summary" end="tail"?>\n</description>\n')
        return "".join(parts)

    def _claims(self, target_bytes):
        rng, v = self.rng, self.v
        parts = ['<claims id="claims">\n']
        size, n = 0, 1
        while size < target_bytes or n <= 2:
            if n == 1 or rng.random() < 0.1:
                subs = "".join(f"<claim-text>{rng.choice(v.sentences)}</claim-text>\n" for _ in range(rng.randint(2, 6)))
                claim = (f'<claim id="CLM-{n:05d}" num="{n:05d}">\n<claim-text>{n}. A {v.title().lower()} '
                         f"comprising:\n{subs}</claim-text>\n</claim>\n")
            else:
                ref = rng.randint(1, n - 1)
                claim = (f'<claim id="CLM-{n:05d}" num="{n:05d}">\n<claim-text>{n}. The {v.title().lower()} '
                         f'according to <claim-ref idref="CLM-{ref:05d}">claim {ref}</claim-ref> wherein '
                         f"{rng.choice(v.sentences)}</claim-text>\n</claim>\n")
            parts.append(claim)
            size += len(claim)
            n += 1
        parts.append("</claims>\n")
        return "".join(parts), n - 1

    def _grant(self, kind_of):
        rng, v = self.rng, self.v
        version = "v4.5" if rng.random() < 0.8 else "v4.2"
        dtd, dtd_version = US_DTD[version]
        who, row = self.p.pick()
        if kind_of == "utility":
            self.utility_number += 1
            number, kind = f"{self.utility_number:08d}", rng.choice(("B2", "B2", "B2", "B1"))
            target = rng.randint(50_000, 150_000)
        elif kind_of == "design":
            self.design_number += 1
            number, kind = f"D{self.design_number:07d}", "S1"
            target = rng.randint(4_000, 12_000)
        else:
            self.plant_number += 1
            number, kind = f"PP{self.plant_number:06d}", "P2"
            target = rng.randint(10_000, 25_000)
        self.application_serial += rng.randint(1, 900)
        filed = self.date - datetime.timedelta(days=rng.randint(500, 1800))
        figures = rng.randint(2, 14)
        date = ymd(self.date)

        priorities = ""
        if who == "payee" or rng.random() < 0.15:
            # A CN priority, printed the way USPTO prints it: with spaces, no check digit.
            year = max(2015, filed.year - 1)
            _, _, core = cn_application(year, 1, rng.randint(1, 9_999_999))
            priorities = ('<priority-claims>\n<priority-claim sequence="01" kind="national">\n<country>CN</country>\n'
                          f"<doc-number>{core[:4]} {core[4]} {core[5:]}</doc-number>\n<date>{ymd(filed - datetime.timedelta(days=200))}"
                          "</date>\n</priority-claim>\n</priority-claims>\n")
        pct = ""
        if kind_of == "utility" and rng.random() < 0.1:
            pct = ('<pct-or-regional-filing-data>\n<document-id>\n<country>WO</country>\n'
                   f"<doc-number>PCT/CN{filed.year}/{rng.randint(70000, 139999):06d}</doc-number>\n"
                   f"<kind>00</kind>\n<date>{ymd(filed)}</date>\n</document-id>\n<us-371c124-date>\n"
                   f"<date>{ymd(filed + datetime.timedelta(days=200))}</date>\n</us-371c124-date>\n"
                   "</pct-or-regional-filing-data>\n")
        parties, assignees = self._party_xml(version, who, row)
        ipc = "".join(
            "<classification-ipcr>\n<ipc-version-indicator><date>20060101</date></ipc-version-indicator>\n"
            f"<classification-level>A</classification-level>\n<section>{rng.choice('ABCDEFGH')}</section>\n"
            f"<class>{rng.randint(1, 99):02d}</class>\n<subclass>{rng.choice('ABCDFGHJKLMN')}</subclass>\n"
            f"<main-group>{rng.randint(1, 99)}</main-group>\n<subgroup>{rng.randint(0, 99):02d}</subgroup>\n"
            "<symbol-position>F</symbol-position>\n<classification-value>I</classification-value>\n"
            f"<action-date><date>{date}</date></action-date>\n<generating-office><country>US</country></generating-office>\n"
            "<classification-status>B</classification-status>\n<classification-data-source>H</classification-data-source>\n"
            "</classification-ipcr>\n" for _ in range(rng.randint(1, 4)))
        appl_type = kind_of
        head = (f'<us-patent-grant lang="EN" dtd-version="{dtd_version}" file="US{number}-{date}.XML" '
                f'status="PRODUCTION" id="us-patent-grant" country="US" date-produced="{ymd(self.date - datetime.timedelta(days=14))}" '
                f'date-publ="{date}">\n<us-bibliographic-data-grant>\n'
                f"<publication-reference>\n<document-id>\n<country>US</country>\n<doc-number>{number}</doc-number>\n"
                f"<kind>{kind}</kind>\n<date>{date}</date>\n</document-id>\n</publication-reference>\n"
                f'<application-reference appl-type="{appl_type}">\n<document-id>\n<country>US</country>\n'
                f"<doc-number>{self.application_serial}</doc-number>\n<date>{ymd(filed)}</date>\n</document-id>\n"
                f"</application-reference>\n<us-application-series-code>{str(self.application_serial)[:2]}</us-application-series-code>\n"
                + priorities +
                ("<us-term-of-grant>\n<length-of-grant>15</length-of-grant>\n</us-term-of-grant>\n" if kind_of == "design"
                 else f"<us-term-of-grant>\n<us-term-extension>{rng.randint(0, 900)}</us-term-extension>\n</us-term-of-grant>\n")
                + ("<classification-locarno>\n<edition>14</edition>\n<main-classification>1402</main-classification>\n"
                   "</classification-locarno>\n" if kind_of == "design" else "<classifications-ipcr>\n" + ipc + "</classifications-ipcr>\n")
                + f"<classification-national>\n<country>US</country>\n<main-classification>{rng.randint(100000, 999999)}"
                  "</main-classification>\n</classification-national>\n"
                + f'<invention-title id="d2e{rng.randint(40, 99)}">{v.title()}</invention-title>\n'
                + self._citations(version, rng.randint(5, 60 if kind_of == "utility" else 12))
                + f"<number-of-claims>{rng.randint(1, 30)}</number-of-claims>\n<us-exemplary-claim>1</us-exemplary-claim>\n"
                + "<us-field-of-classification-search>\n<classification-national>\n<country>US</country>\n"
                  "<main-classification>None</main-classification>\n</classification-national>\n</us-field-of-classification-search>\n"
                + f"<figures>\n<number-of-drawing-sheets>{figures}</number-of-drawing-sheets>\n<number-of-figures>{figures}</number-of-figures>\n</figures>\n"
                + pct + parties + assignees
                + f"<examiners>\n<primary-examiner>\n<last-name>{rng.choice(LAST_NAMES)}</last-name>\n"
                  f"<first-name>{rng.choice(FIRST_NAMES)}</first-name>\n<department>{rng.randint(1600, 3700)}</department>\n"
                  "</primary-examiner>\n</examiners>\n"
                + ("<us-botanic>\n<latin-name>Rosa hybrida</latin-name>\n<variety>SAMPLEROSE</variety>\n</us-botanic>\n"
                   if kind_of == "plant" else "")
                + "</us-bibliographic-data-grant>\n")
        abstract = ("" if kind_of == "design" else
                    f'<abstract id="abstract">\n<p id="p-0001" num="0000">{v.paragraph(4, 7)}</p>\n</abstract>\n')
        drawings = ['<drawings id="DRAWINGS">\n']
        for f in range(figures + 1):
            drawings.append(f'<figure id="Fig-EMI-D{f:05d}" num="{f:05d}">\n<img id="EMI-D{f:05d}" he="{rng.randint(150, 250)}.{rng.randint(10, 99)}mm" '
                            f'wi="{rng.randint(140, 180)}.{rng.randint(10, 99)}mm" file="US{number}-{date}-D{f:05d}.TIF" '
                            'alt="embedded image" img-content="drawing" img-format="tif"/>\n</figure>\n')
        drawings.append("</drawings>\n")
        fixed = len(head) + len(abstract) + sum(map(len, drawings))
        rest = max(1_000, target - fixed)
        if kind_of == "design":
            description = ('<description id="description">\n<description-of-drawings>\n'
                           + "".join(f'<p id="p-{f + 1:04d}" num="{f:04d}"><figref idref="DRAWINGS">FIG. {f}</figref> is a '
                                     f"{rng.choice(('front', 'rear', 'top', 'side', 'perspective'))} view thereof;</p>\n"
                                     for f in range(1, figures + 1))
                           + "</description-of-drawings>\n</description>\n")
            claims = ('<claims id="claims">\n<claim id="CLM-00001" num="00001">\n<claim-text>The ornamental design '
                      f"for a {v.title().lower()}, as shown and described.</claim-text>\n</claim>\n</claims>\n")
        else:
            claims, _ = self._claims(rest * 0.25)
            description = self._description(rest - len(claims), figures)
        body = head + abstract + "".join(drawings) + description + claims + "</us-patent-grant>\n"
        return US_PROLOG.format(dtd=dtd), body, kind_of


# --------------------------------------------------------------------------------------
# CNIPA business: bibliographic documents

CN_PROLOG = ('<?xml version="1.0" encoding="utf-8" standalone="no"?>\n'
             '<!DOCTYPE business:PatentDocumentAndRelated SYSTEM "/DTDS/ExternalStandards/ipphdb-entities.dtd"[]>\n')
CN_ROOT_NS = ('xmlns:base="http://www.sipo.gov.cn/XMLSchema/base" xmlns:business="http://www.sipo.gov.cn/XMLSchema/business" '
              'xmlns:m="http://www.w3.org/1998/Math/MathML" xmlns:tbl="http://oasis-open.org/specs/soextblx" '
              'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
              'xsi:schemaLocation="http://www.sipo.gov.cn/XMLSchema/business /DTDS/PatentDocument/Elements/OtherElements.xsd"')
UNINDENT = re.compile(r"\n +")
# Share of each kind in a year of CNIPA grants (invention B, utility model U, design S).
CN_KINDS = (("B", 1, 0.25), ("U", 2, 0.57), ("S", 3, 0.18))


class CnipaDelivery:
    def __init__(self, rng, vocab, patentees, first_date):
        self.rng = rng
        self.v = vocab
        self.p = patentees
        self.date = first_date
        self.numbers = {"B": rng.randint(113_000_000, 118_000_000), "U": rng.randint(215_000_000, 220_000_000),
                        "S": rng.randint(306_000_000, 309_000_000)}
        self.serial = rng.randint(100_000, 900_000)

    def _kind(self):
        r, acc = self.rng.random(), 0.0
        for kind, type_digit, share in CN_KINDS:
            acc += share
            if r < acc:
                return kind, type_digit
        return CN_KINDS[-1][:2]

    def _applicant(self, seq, name, place, street):
        province, city, county, post = place
        return (f'        <business:Applicant sequence="{seq}" appType="applicant" dataFormat="original" sourceDB="national office" '
                'lang="zh" creator="03" processingType="original">\n'
                '          <base:AddressBook lang="zh">\n'
                f"            <base:Name>{name}</base:Name>\n"
                "            <base:Address>\n"
                "              <base:AddressLine>0</base:AddressLine>\n              <base:AddressMailCode>0</base:AddressMailCode>\n"
                "              <base:PostBox>0</base:PostBox>\n              <base:AddressRoom>0</base:AddressRoom>\n"
                "              <base:AddressFloor>0</base:AddressFloor>\n              <base:AddressBuilding>0</base:AddressBuilding>\n"
                "              <base:Street>0</base:Street>\n              <base:AddressCity>0</base:AddressCity>\n"
                f"              <base:County>{county}</base:County>\n              <base:City>{city}</base:City>\n"
                f"              <base:Province>{province}</base:Province>\n              <base:PostCode>{post}</base:PostCode>\n"
                "              <base:WIPOST3Code>CN</base:WIPOST3Code>\n"
                f"              <base:Text>{post} {province if province != city else ''}{city}{county}{street}</base:Text>\n"
                "            </base:Address>\n          </base:AddressBook>\n"
                '          <business:OrganizationCode createDate="00000000" creator="00">0000000000</business:OrganizationCode>\n'
                "        </business:Applicant>\n")

    def document(self):
        """(file name, prolog, body, kind)."""
        rng, v = self.rng, self.v
        kind, type_digit = self._kind()
        self.numbers[kind] += 1
        pub = self.numbers[kind]
        # A delivery covers one gazette day; a new day every ~5000 documents.
        if rng.random() < 1 / 5000:
            self.date += datetime.timedelta(days=7)
        date = ymd(self.date)
        self.serial += rng.randint(1, 40)
        filed = self.date - datetime.timedelta(days=rng.randint(120, 900))
        original, standard, _ = cn_application(filed.year, type_digit, self.serial % 10_000_000)
        who, row = self.p.pick()
        street = f"{rng.choice('东南西北中')}{rng.choice('华文新建科')}路{rng.randint(1, 999)}号"
        if who == "payee":
            county, post = rng.choice(KUNMING_COUNTIES)
            first = (row["name"], ("云南省", "昆明市", county, post))
        elif who == "held":
            county, post = rng.choice(KUNMING_COUNTIES)
            first = ("昆明样例未登记科技有限公司", ("云南省", "昆明市", county, post))
        else:
            place = rng.choice(ZH_PLACES)
            first = (v.zh_company(place), place)
        applicants = [self._applicant(1, first[0], first[1], street)]
        if rng.random() < 0.1:
            place = rng.choice(ZH_PLACES)
            applicants.append(self._applicant(2, v.zh_company(place), place, street))
        inventors = "".join(
            f'        <business:{"Designer" if kind == "S" else "Inventor"} sequence="{i}" dataFormat="original" '
            'sourceDB="national office" lang="zh" publicationMark="0" creator="03" processingType="original">\n'
            f'          <base:AddressBook lang="zh">\n            <base:Name>{v.zh_person()}</base:Name>\n'
            f'          </base:AddressBook>\n        </business:{"Designer" if kind == "S" else "Inventor"}>\n'
            for i in range(1, rng.randint(2, 3)))
        agency = rng.randint(11000, 53999)
        # Applicants without a patent agency (individuals, small firms) have no AgentDetails.
        agents = "" if rng.random() < 0.4 else ("      <business:AgentDetails>\n"
                  f"        <business:CustomerNumber>{agency}</business:CustomerNumber>\n"
                  '        <business:Agent sequence="1" lang="zh" dataFormat="original" sourceDB="national office" repType="agent" '
                  'processingType="original" creator="03">\n          <business:Agency>\n            <base:AddressBook lang="zh">\n'
                  f"              <base:OrganizationName>{v.zh_title()[:6]}专利代理事务所(普通合伙) {agency}</base:OrganizationName>\n"
                  "            </base:AddressBook>\n          </business:Agency>\n          <base:AddressBook lang=\"zh\">\n"
                  f"            <base:Name>{v.zh_person()}</base:Name>\n          </base:AddressBook>\n"
                  "        </business:Agent>\n      </business:AgentDetails>\n")

        def reference(tag, data_format, number, kind_text, when, extra=""):
            source = ' sourceDB="national office"' if data_format == "original" else ""
            kind_el = f"        <base:Kind>{kind_text}</base:Kind>\n" if kind_text else ""
            return (f'    <business:{tag}{extra} dataFormat="{data_format}" sequence="1"{source}>\n      <base:DocumentID>\n'
                    f"        <base:WIPOST3Code>CN</base:WIPOST3Code>\n        <base:DocNumber>{number}</base:DocNumber>\n"
                    f"{kind_el}        <base:Date>{when}</base:Date>\n      </base:DocumentID>\n    </business:{tag}>\n")

        refs = (reference("PublicationReference", "original", pub, kind, date)
                + reference("PublicationReference", "standard", pub, kind, date)
                + "    <business:PublicAvailabilityDate>\n      <business:GazetteReference>\n"
                f"        <business:GazetteNumber>{self.date.year - 1984}-{rng.randint(1, 52):02d}02</business:GazetteNumber>\n"
                f"        <base:Date>{date}</base:Date>\n      </business:GazetteReference>\n    </business:PublicAvailabilityDate>\n"
                + reference("ApplicationReference", "original", original, "", ymd(filed), f' applType="{type_digit}0"')
                + reference("ApplicationReference", "standard", standard, "", ymd(filed), f' applType="{type_digit}0"'))
        title_attrs = 'lang="zh" dataFormat="original" sourceDB="national office" processingType="original" creator="03"'
        if kind == "S":
            biblio = ("  <business:DesignBibliographicData>\n" + refs
                      + f"    <business:PatentNumber>{original}</business:PatentNumber>\n"
                      "    <business:ClassificationLocarno>\n"
                      f"      <business:MainClassification>{rng.randint(1, 32):02d}-{rng.randint(1, 9):02d}</business:MainClassification>\n"
                      "    </business:ClassificationLocarno>\n"
                      f"    <business:DesignTitle {title_attrs}>{v.zh_title()}</business:DesignTitle>\n"
                      '    <business:ApplicantDetails representative="1">\n' + "".join(a[2:] for a in applicants)
                      + "    </business:ApplicantDetails>\n    <business:DesignerDetails>\n"
                      + "".join(i[2:] for i in inventors.splitlines(True)) + "    </business:DesignerDetails>\n"
                      + "".join(a[2:] for a in agents.splitlines(True)) + "  </business:DesignBibliographicData>\n")
            text = ("  <business:DesignBriefExplanation dataFormat=\"original\" lang=\"zh\" sourceDB=\"national office\" "
                    "processingType=\"original\" creator=\"03\">\n"
                    + "".join(f"    <base:Paragraphs>{n}．{v.zh_text(1)}</base:Paragraphs>\n" for n in range(1, 5))
                    + "  </business:DesignBriefExplanation>\n")
        else:
            ipc = "".join(
                f'      <business:ClassificationIPCR sequence="{i}">\n        <business:IPCVersionDate>20060101</business:IPCVersionDate>\n'
                f"        <business:Section>{rng.choice('ABCDEFGH')}</business:Section>\n"
                f"        <business:MainClass>{rng.randint(1, 99):02d}</business:MainClass>\n"
                f"        <business:Subclass>{rng.choice('ABCDFGHJKLMN')}</business:Subclass>\n"
                f"        <business:MainGroup>{rng.randint(1, 99)}</business:MainGroup>\n"
                f"        <business:Subgroup>{rng.randint(0, 99):02d}</business:Subgroup>\n"
                "        <business:GeneratingOffice>\n          <base:WIPOST3Code>CN</base:WIPOST3Code>\n"
                "        </business:GeneratingOffice>\n        <business:ClassificationDataSource>H</business:ClassificationDataSource>\n"
                "      </business:ClassificationIPCR>\n" for i in range(1, 2 if rng.random() < 0.8 else 3))
            biblio = ("  <business:BibliographicData>\n" + refs
                      + '    <business:ClassificationIPCRDetails creator="03" processingType="original">\n' + ipc
                      + "    </business:ClassificationIPCRDetails>\n"
                      f"    <business:InventionTitle {title_attrs}>{v.zh_title()}</business:InventionTitle>\n"
                      '    <business:Parties>\n      <business:ApplicantDetails representative="1">\n' + "".join(applicants)
                      + "      </business:ApplicantDetails>\n      <business:InventorDetails>\n" + inventors
                      + "      </business:InventorDetails>\n" + agents + "    </business:Parties>\n  </business:BibliographicData>\n")
            text = ('  <business:Abstract dataFormat="original" lang="zh" sourceDB="national office" processingType="original" creator="03">\n'
                    f'    <base:Paragraphs num="0001">{v.zh_text(rng.randint(1, 3))}</base:Paragraphs>\n'
                    "    <business:AbstractFigure>\n      <base:Figure num=\"0001\">\n"
                    f'        <base:Image he="{rng.randint(400, 900)}" wi="{rng.randint(600, 1000)}" file="{original[:12]}.JPG" '
                    'imgContent="undefined" imgFormat="JPEG" />\n      </base:Figure>\n    </business:AbstractFigure>\n'
                    "  </business:Abstract>\n")
        label = "DBPZH" if kind == "S" else "FULZH"
        name = f"CN{standard}CN0000{pub:09d}0{kind}{label}{date}CN00{rng.choice('ABCDEFGHJKMNPRSTWXY')}.XML"
        # Written without the samples' indentation (white space between elements means
        # nothing here) to stay near the size of a bibliographic record: ~5.5 KB.
        body = (f"<business:PatentDocumentAndRelated {CN_ROOT_NS} xsdVersion=\"V2.2.1\" file=\"{name}\" "
                f'dateProduced="{ymd(self.date - datetime.timedelta(days=5))}" status="C" lang="zh" country="CN" '
                f'docNumber="{pub}" kind="{kind}" datePublication="{date}">\n' + biblio + text
                + "</business:PatentDocumentAndRelated>\n")
        body = UNINDENT.sub("\n", body)
        return name, CN_PROLOG, body, kind


# --------------------------------------------------------------------------------------
# EPO publication server (ep-patent-document) and DOCDB bulk

EP_PROLOG = ('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<!DOCTYPE ep-patent-document PUBLIC "-//EPO//EP PATENT DOCUMENT 1.5.1//EN" "ep-patent-document-v1-5-1.dtd">\n'
             "<!-- This XML data has been generated under the supervision of the European Patent Office -->\n")
EP_STATES = "AL AT BE BG CH CY CZ DE DK EE ES FI FR GB GR HR HU IE IS IT LI LT LU LV MC MK MT NL NO PL PT RO RS SE SI SK SM TR".split()


class EpoDocuments:
    def __init__(self, rng, vocab, patentees, first_date):
        self.rng = rng
        self.v = vocab
        self.p = patentees
        self.date = first_date
        self.number = rng.randint(3_300_000, 4_100_000)
        self.docdb_id = rng.randint(500_000_000, 600_000_000)
        self.family = rng.randint(60_000_000, 80_000_000)

    def _proprietor(self):
        who, row = self.p.pick()
        if who == "payee":
            return row["alias"], "No. 1 Sample Road", "650000 Kunming, Yunnan", "CN"
        if who == "held":
            return "Kunming Sample Unregistered Technology Co., Ltd.", "No. 9 Sample Road", "650000 Kunming", "CN"
        c = self.rng.choice(US_CITIES)
        return self.rng.choice(US_ORGS), f"{self.rng.randint(1, 999)} Example Street", c[0], c[2]

    def publication(self):
        """(file name, prolog, body): one EP B1/B2 specification with description and claims."""
        rng, v = self.rng, self.v
        self.number += 1
        kind = "B1" if rng.random() < 0.9 else "B2"
        year = self.date.year - rng.randint(3, 6)
        appl = f"{year % 100:02d}{rng.randint(700000, 899999)}"
        appl = f"{appl}.{rng.randint(0, 9)}"
        date = ymd(self.date)
        name, street, city, ctry = self._proprietor()
        prio = (f"<B300><B310>{rng.randint(62_000_000, 63_999_999)}</B310><B320><date>{year}0{rng.randint(1, 9)}15</date>"
                f"</B320><B330><ctry>{rng.choice(('US', 'CN', 'DE', 'JP'))}</ctry></B330></B300>")
        sdobi = (f'<SDOBI lang="en"><B000><eptags><B001EP>ATBECHDEDKESFRGBGRITLILUNLSEMCPTIESILTLVFIROMKCYALTRBGCZEEHUPLSK</B001EP>'
                 f"<B005EP>J</B005EP></eptags></B000><B100><B110>{self.number:07d}</B110><B120><B121>EUROPEAN PATENT SPECIFICATION"
                 f"</B121></B120><B130>{kind}</B130><B140><date>{date}</date></B140><B190>EP</B190></B100><B200><B210>{appl}</B210>"
                 f"<B220><date>{year}0{rng.randint(1, 9)}2{rng.randint(0, 8)}</date></B220><B250>en</B250><B251EP>en</B251EP>"
                 f"<B260>en</B260></B200>{prio}<B400><B405><date>{date}</date><bnum>{self.date.year}{rng.randint(1, 52):02d}</bnum>"
                 f"</B405><B450><date>{date}</date><bnum>{self.date.year}{rng.randint(1, 52):02d}</bnum></B450></B400><B500>"
                 f"<B540><B541>de</B541><B542>{v.title().upper()}</B542><B541>en</B541><B542>{v.title().upper()}</B542>"
                 f"<B541>fr</B541><B542>{v.title().upper()}</B542></B540></B500><B700><B720><B721><snm>{rng.choice(LAST_NAMES).upper()}, "
                 f"{rng.choice(FIRST_NAMES)}</snm><adr><str>{rng.randint(1, 99)} Sample Lane</str><city>{rng.choice(US_CITIES)[0]}</city>"
                 f"<ctry>{rng.choice(('US', 'DE', 'FR', 'CN'))}</ctry></adr></B721></B720><B730><B731><snm>{xml_escape(name)}</snm>"
                 f"<iid>{rng.randint(100_000_000, 102_000_000)}</iid><adr><str>{street}</str><city>{city}</city><ctry>{ctry}</ctry>"
                 f"</adr></B731></B730></B700><B800><B840>" + "".join(f"<ctry>{c}</ctry>" for c in EP_STATES) + "</B840></B800></SDOBI>\n")
        desc = ['<description id="desc" lang="en"><!-- EPO <DP n="1"> -->\n']
        for p in range(1, rng.randint(30, 90)):
            desc.append(f'<p id="p{p:04d}" num="{p:04d}">{v.paragraph()}</p>\n')
        desc.append("</description>\n")
        claims = []
        for lang_n, lang in enumerate(("en", "de", "fr"), 1):
            claims.append(f'<claims id="claims{lang_n:02d}" lang="{lang}">\n')
            for c in range(1, rng.randint(5, 15)):
                claims.append(f'<claim id="c-{lang}-01-{c:04d}" num="{c:04d}"><claim-text>{v.paragraph(1, 3)}</claim-text></claim>\n')
            claims.append("</claims>\n")
        body = (f'<ep-patent-document id="EP{appl[:8]}{kind}" file="EP{appl[:8]}NW{kind}.xml" lang="en" country="EP" '
                f'doc-number="{self.number:07d}" kind="{kind}" date-publ="{date}" status="n" dtd-version="ep-patent-document-v1-5-1">\n'
                + sdobi + "".join(desc) + "".join(claims) + "</ep-patent-document>\n")
        return f"EP{appl[:8]}NW{kind}.xml", EP_PROLOG, body

    def exchange_document(self):
        """One exch:exchange-document of a DOCDB bulk file (bibliographic only)."""
        rng, v = self.rng, self.v
        self.number += 1
        self.docdb_id += rng.randint(1, 50)
        self.family += rng.randint(1, 30)
        country, kind = rng.choice((("EP", "B1"), ("US", "B2"), ("CN", "B"), ("CN", "U"), ("JP", "B2"), ("DE", "B4"),
                                    ("KR", "B1"), ("EP", "A1"), ("WO", "A1")))
        number = str(self.number if country == "EP" else rng.randint(10_000_000, 12_000_000))
        date = ymd(self.date)
        prio_year = self.date.year - rng.randint(2, 5)
        if country == "CN":
            # DOCDB writes a CN application as its 12-digit core, without the check digit.
            _, _, application = cn_application(prio_year + 1, 1 if kind == "B" else 2, rng.randint(1, 9_999_999))
        else:
            application = str(rng.randint(10_000_000, 99_999_999))
        name, _, _, ctry = self._proprietor()
        applicants = (f'<exch:applicant sequence="1" data-format="docdb"><exch:applicant-name><name>{xml_escape(name.upper())} '
                      f"[{ctry}]</name></exch:applicant-name><residence><country>{ctry}</country></residence></exch:applicant>"
                      f'<exch:applicant sequence="1" data-format="docdba"><exch:applicant-name><name>{xml_escape(name)}</name>'
                      "</exch:applicant-name></exch:applicant>")
        if rng.random() < 0.3:
            _, _, core = cn_application(prio_year, 1, rng.randint(1, 9_999_999))
            prio = (f'<exch:priority-claim sequence="1" data-format="docdb"><document-id><country>CN</country>'
                    f"<doc-number>{core}</doc-number><kind>A</kind><date>{prio_year}0301</date></document-id></exch:priority-claim>")
        else:
            prio = (f'<exch:priority-claim sequence="1" data-format="docdb"><document-id><country>US</country>'
                    f"<doc-number>{rng.randint(201_000_000_000, 202_099_999_999)}</doc-number><kind>P</kind><date>{prio_year}0301</date>"
                    "</document-id></exch:priority-claim>")
        cites = "".join(
            f'<exch:citation cited-phase="SEA" sequence="{i}"><patcit num="{i}" dnum-type="publication number"><document-id>'
            f"<country>US</country><doc-number>{rng.randint(4_000_000, 10_000_000)}</doc-number><kind>B2</kind>"
            f"<name>{rng.choice(US_ORGS).upper()}</name></document-id></patcit></exch:citation>" for i in range(1, rng.randint(2, 8)))
        return (f'<exch:exchange-document country="{country}" doc-number="{number}" kind="{kind}" doc-id="{self.docdb_id}" '
                f'date-publ="{date}" family-id="{self.family}" is-representative="YES" originating-office="EP" status="N">'
                f'<exch:bibliographic-data><exch:publication-reference data-format="docdb"><document-id><country>{country}</country>'
                f"<doc-number>{number}</doc-number><kind>{kind}</kind><date>{date}</date></document-id></exch:publication-reference>"
                f'<exch:application-reference data-format="docdb"><document-id><country>{country}</country>'
                f"<doc-number>{application}</doc-number><kind>A</kind><date>{prio_year + 1}0301</date>"
                f"</document-id></exch:application-reference><exch:priority-claims>{prio}</exch:priority-claims>"
                f"<exch:parties><exch:applicants>{applicants}</exch:applicants></exch:parties>"
                f'<exch:invention-title lang="en" data-format="docdba">{v.title()}</exch:invention-title>'
                f"<exch:references-cited>{cites}</exch:references-cited></exch:bibliographic-data></exch:exchange-document>\n")


# --------------------------------------------------------------------------------------
# Writing

class Output:
    """The inbox files plus the one-root twin for xmllint, written as documents arrive."""

    def __init__(self, out_dir, twin_root):
        self.out = Path(out_dir)
        if self.out.exists():
            shutil.rmtree(self.out)
        self.grants = self.out / "inbox" / "grants"
        self.grants.mkdir(parents=True)
        self.twin = open(self.out / "twin.xml", "wb", buffering=1 << 20)
        self.twin.write(f'<?xml version="1.0" encoding="UTF-8"?>\n<{twin_root}>\n'.encode())
        self.twin_root = twin_root
        self.bytes = 0
        self.documents = 0
        self.files = 0

    def add_to_twin(self, body):
        self.twin.write(body.encode())

    def write_file(self, name, data):
        raw = data.encode()
        with open(self.grants / name, "wb") as f:
            f.write(raw)
        self.bytes += len(raw)
        self.files += 1

    def close(self):
        self.twin.write(f"</{self.twin_root}>\n".encode())
        self.twin.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("format", choices=("uspto", "cnipa", "ep", "docdb"))
    ap.add_argument("--count", type=int, required=True, help="documents to write")
    ap.add_argument("--out", required=True, help="output folder (replaced)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--kunming-share", type=float, default=0.02,
                    help="share of documents whose first patentee is a registered Kunming payee (default 0.02)")
    ap.add_argument("--held-share", type=float, default=0.001,
                    help="share naming a Kunming entity missing from the registry (default 0.001)")
    ap.add_argument("--layout", choices=("files", "concat"), default=None,
                    help="cnipa: one file per document (files, default) or one delivery file (concat)")
    ap.add_argument("--registry", default=str(DEFAULT_REGISTRY), help="payee registry CSV (default: the sample one)")
    ap.add_argument("--date", default=None, help="grant/publication date, ISO (default: drawn from the seed)")
    a = ap.parse_args()
    if a.count < 1:
        ap.error("--count must be at least 1")

    rng = random.Random(a.seed)
    registry = read_registry(a.registry)
    vocab = Vocabulary(random.Random(a.seed * 7919 + 1))
    patentees = Patentees(random.Random(a.seed * 104729 + 2), registry, a.kunming_share, a.held_share)
    if a.date:
        date = datetime.date.fromisoformat(a.date)
    else:
        # A Tuesday (USPTO issue day) between 2020 and mid-2025.
        date = datetime.date(2020, 1, 7) + datetime.timedelta(weeks=rng.randint(0, 280))
    if date <= POLICY_START:
        ap.error("--date must be after 2019-06-12 (the policy's effective date)")

    twin_roots = {"uspto": "us-patent-grants", "cnipa": "cnipa-delivery", "ep": "ep-patent-documents",
                  "docdb": "docdb-deliveries"}
    out = Output(a.out, twin_roots[a.format])
    kinds = {}
    if a.format == "uspto":
        week = UsptoWeek(rng, vocab, patentees, date)
        name = f"ipg{date.strftime('%y%m%d')}.xml"
        with open(out.grants / name, "wb", buffering=1 << 20) as f:
            for _ in range(a.count):
                prolog, body, kind = week.document()
                raw = (prolog + body).encode()
                f.write(raw)
                out.bytes += len(raw)
                out.add_to_twin(body)
                kinds[kind] = kinds.get(kind, 0) + 1
        out.files = 1
    elif a.format == "cnipa":
        delivery = CnipaDelivery(rng, vocab, patentees, date)
        layout = a.layout or "files"
        concat = open(out.grants / f"CN-delivery-{ymd(date)}.xml", "wb", buffering=1 << 20) if layout == "concat" else None
        for _ in range(a.count):
            name, prolog, body, kind = delivery.document()
            if concat:
                raw = (prolog + body).encode()
                concat.write(raw)
                out.bytes += len(raw)
            else:
                out.write_file(name, prolog + body)
            out.add_to_twin(body)
            kinds[kind] = kinds.get(kind, 0) + 1
        if concat:
            concat.close()
            out.files = 1
    elif a.format == "ep":
        epo = EpoDocuments(rng, vocab, patentees, date)
        for _ in range(a.count):
            name, prolog, body = epo.publication()
            out.write_file(name, prolog + body)
            # The twin keeps the comment out too: it sits before the root.
            out.add_to_twin(body)
    else:
        epo = EpoDocuments(rng, vocab, patentees, date)
        head = ('<?xml version="1.0" encoding="UTF-8" standalone="no"?><!DOCTYPE exch:exchange-documents SYSTEM "docdb-entities.dtd">'
                '<exch:exchange-documents xmlns:exch="http://www.epo.org/exchange" date-of-exchange="{0}" dtd-version="2.5.9" '
                'file="DOCDB-{1}-001-XX-0001" no-of-documents="{2:07d}" originating-office="EP">\n').format(ymd(date), date.strftime("%Y%W"), a.count)
        tail = "</exch:exchange-documents>\n"
        with open(out.grants / f"DOCDB-{date.strftime('%Y%W')}-001-XX-0001.xml", "wb", buffering=1 << 20) as f:
            f.write(head.encode())
            out.add_to_twin(head.split("?>", 1)[1].split(">", 1)[1])  # drop declaration and DOCTYPE
            for _ in range(a.count):
                raw = epo.exchange_document().encode()
                f.write(raw)
                out.twin.write(raw)
                out.bytes += len(raw)
            f.write(tail.encode())
            out.add_to_twin(tail)
        out.bytes += len(head) + len(tail)
        out.files = 1
    out.close()

    payees = out.out / "inbox" / "payees"
    payees.mkdir(parents=True)
    shutil.copyfile(a.registry, payees / Path(a.registry).name)
    manifest = {
        "format": a.format, "layout": a.layout or ("files" if a.format in ("cnipa", "ep") else "concat"),
        "documents": a.count, "files": out.files, "bytes": out.bytes, "seed": a.seed, "date": date.isoformat(),
        "kunming_payee_documents": patentees.kunming, "kunming_unregistered_documents": patentees.held,
        "kinds": kinds,
    }
    (out.out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    print(json.dumps(manifest))


if __name__ == "__main__":
    sys.exit(main())
