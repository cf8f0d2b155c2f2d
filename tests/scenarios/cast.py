"""The cast of the scenario cases: every patentee and enterprise a case may name, by a
short handle. All of it is invented (names, addresses, banks, accounts); the USCCs are
built with both GB 32100 checks so that the payee registry accepts them. A case says
`owners=dianchi,beijing` and the generator prints each party the way its office prints
patentees: Chinese name and address on CNIPA documents, the English name with a city on
USPTO and EPO documents, the DOCDB standardised upper-case name on DOCDB records."""

from dataclasses import dataclass, field, replace

from identifiers import make_uscc, uscc_valid


@dataclass(frozen=True)
class Party:
    handle: str
    name_zh: str
    name_en: str
    province_zh: str
    city_zh: str
    county_zh: str
    postcode: str
    street_zh: str
    city_en: str          # as USPTO and EPO print it
    country: str
    state: str = ""
    uscc: str = ""        # empty: not an entity the bureau could register
    district: str = ""    # 5301xx where registered
    bank_name: str = ""
    bank_account: str = ""
    extra_aliases: tuple = field(default_factory=tuple)

    @property
    def address_text_zh(self) -> str:
        province = "" if self.province_zh == self.city_zh else self.province_zh
        return f"{self.postcode} {province}{self.city_zh}{self.county_zh}{self.street_zh}"

    @property
    def docdb_name(self) -> str:
        """DOCDB's standardised form: upper case, punctuation dropped."""
        kept = "".join(ch if ch.isalnum() or ch == " " else " " for ch in self.name_en.upper())
        return " ".join(kept.split())

    @property
    def aliases(self) -> tuple:
        # Policy.md reading 14: a printed name is paid only when it equals a registered
        # name or alias. The bureau registers the English name and, once DOCDB records
        # have shown it, the DOCDB standardised form too (the way staff resolve a
        # payee_name_mismatch); case 03 shows a form not yet registered.
        docdb = (self.docdb_name,) if self.docdb_name and self.docdb_name.lower() != self.name_en.lower() else ()
        return (self.name_en,) + docdb + tuple(self.extra_aliases)


def _kunming(handle, zh, en, county, district, postcode, street, uscc16, account, province_level=False):
    return Party(handle=handle, name_zh=zh, name_en=en, province_zh="云南省", city_zh="昆明市",
                 county_zh=county, postcode=postcode, street_zh=street, city_en="Kunming", country="CN",
                 uscc=make_uscc(uscc16), district=district,
                 bank_name=f"滇池样例银行昆明{county[:2]}支行（虚构）", bank_account=account)


CAST = {p.handle: p for p in [
    # Registered in most cases (the same two firms as samples/inbox/payees).
    _kunming("dianchi", "昆明滇池智能装备有限公司", "Kunming Dianchi Intelligent Equipment Co., Ltd.",
             "五华区", "530102", "650021", "样例路101号", "91530102MA6PDC01", "530100990000000101"),
    _kunming("gaoyuan", "云南高原光电科技有限公司", "Yunnan Plateau Optoelectronics Technology Co., Ltd.",
             "官渡区", "530111", "650200", "示例大道202号", "91530111MA6PGY02", "530100990000000202"),
    # Registered later in the cases that need a late registration.
    _kunming("chuncheng", "昆明春城新材料有限公司", "Kunming Chuncheng New Materials Co., Ltd.",
             "呈贡区", "530114", "650500", "样例街303号", "91530114MA6PCX01", "530100990000000303"),
    _kunming("jinma", "昆明金马精密仪器有限公司", "Kunming Jinma Precision Instruments Co., Ltd.",
             "盘龙区", "530103", "650051", "样例巷404号", "91530103MA6Q7JM0", "530100990000000404"),
    _kunming("xishan", "昆明西山绿色能源有限公司", "Kunming Xishan Green Energy Co., Ltd.",
             "西山区", "530112", "650118", "示例路505号", "91530112MA6R2XH0", "530100990000000505"),
    _kunming("luosiwan", "昆明螺蛳湾科创服务有限公司", "Kunming Luosiwan Innovation Services Co., Ltd.",
             "官渡区", "530111", "650200", "示例广场606号", "91530111MA6T4LW0", "530100990000000606"),
    # Registered by the Yunnan provincial bureau (division 530000), seated in Anning
    # (530181): reading 1 accepts provincially registered firms.
    _kunming("dianzhong", "云南滇中生物医药股份有限公司", "Yunnan Dianzhong Biopharmaceutical Co., Ltd.",
             "安宁市", "530181", "650300", "样例工业园707号", "91530000MA6U8DQ0", "530100990000000707"),
    # Its name says Yunnan, not Kunming; only the address (嵩明县, 昆明市) shows where it is.
    _kunming("songming", "云南嵩明农业科技有限公司", "Yunnan Songming Agricultural Technology Co., Ltd.",
             "嵩明县", "530127", "651700", "示例村808号", "91530127MA6W9HM0", "530100990000000808"),
    # Not Kunming: no ledger line for grants they hold alone.
    Party(handle="beijing", name_zh="北京样例数码科技有限公司", name_en="Beijing Sample Digital Technology Co., Ltd.",
          province_zh="北京市", city_zh="北京市", county_zh="海淀区", postcode="100080", street_zh="样例路8号",
          city_en="Beijing", country="CN"),
    Party(handle="qujing", name_zh="曲靖样例机械有限公司", name_en="Qujing Sample Machinery Co., Ltd.",
          province_zh="云南省", city_zh="曲靖市", county_zh="麒麟区", postcode="655000", street_zh="样例路9号",
          city_en="Qujing", country="CN"),
    Party(handle="lonestar", name_zh="", name_en="Lone Star Sample Robotics, LLC", province_zh="", city_zh="",
          county_zh="", postcode="78701", street_zh="", city_en="Austin", state="TX", country="US"),
]}

# The same firms as some offices print them: a variant cannot be registered itself (no
# USCC); the registry knows the firm under its own name and aliases, and the variant must
# fold onto one of them.
for _handle, _base, _name_en in [
        ("jinma-caps", "jinma", "KUNMING JINMA PRECISION INSTRUMENTS COMPANY LIMITED"),
        ("dianchi-terse", "dianchi", "KUNMING DIANCHI INTELLIGENT EQUIPMENT CO.,LTD")]:
    CAST[_handle] = replace(CAST[_base], handle=_handle, name_en=_name_en, uscc="")
    # The same firm as the registry lists it once staff confirmed the printed variant
    # as an alias (reading 14): same credit code, one alias more.
    CAST[_base + "-confirmed"] = replace(CAST[_base], handle=_base + "-confirmed", extra_aliases=(_name_en,))

for _p in CAST.values():
    assert not _p.uscc or uscc_valid(_p.uscc), _p.handle


def party(handle: str) -> Party:
    try:
        return CAST[handle]
    except KeyError:
        raise ValueError(f"unknown party '{handle}' (cast: {', '.join(sorted(CAST))})") from None

# Reading 14's neighbours: a different company whose name differs from dianchi's only by
# its legal form, and two printed names that are near dianchi's but equal to no
# registered name (no USCC: the printed form alone).
CAST["dianchi-gufen"] = replace(_kunming("dianchi-gufen", "昆明滇池智能装备股份有限公司",
                                         "Kunming Dianchi Intelligent Equipment Holdings Co., Ltd.", "盘龙区",
                                         "530103", "650051", "样例巷909号", "91530103MA6PDG01",
                                         "530100990000000909"))
for _handle, _name_zh in [("dianchi-bare", "昆明滇池智能装备"), ("dianchi-zeren", "昆明滇池智能装备有限责任公司")]:
    CAST[_handle] = replace(CAST["dianchi"], handle=_handle, name_zh=_name_zh, uscc="")
CAST["dianchi-bare-confirmed"] = replace(CAST["dianchi"], handle="dianchi-bare-confirmed",
                                         extra_aliases=("昆明滇池智能装备",))
# A registry mistake: the other company listed with dianchi's exact name as an alias.
CAST["dianchi-gufen-claims"] = replace(CAST["dianchi-gufen"], handle="dianchi-gufen-claims",
                                       extra_aliases=("昆明滇池智能装备有限公司",))
