"""Identifier arithmetic the scenario inboxes must get right: CN application-number
check characters (codes.md 3.2) and unified social credit codes (GB 32100 with the
GB 11714 organisation-code check at position 17, codes.md 4). The generator refuses
to write a number that fails these, so a scenario never tests a typo by accident."""

CN_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)


def cn_check(digits: str) -> str:
    """Check character of an 8- or 12-digit CN application number (sum mod 11, 10 -> X)."""
    if len(digits) not in (8, 12) or not digits.isdigit():
        raise ValueError(f"CN application number core must be 8 or 12 digits: {digits!r}")
    r = sum(int(d) * w for d, w in zip(digits, CN_WEIGHTS)) % 11
    return "X" if r == 10 else str(r)


def cn_application(text: str) -> tuple[str, str]:
    """'202110358642' or '202110358642.9' -> ('202110358642', '9'); a wrong check raises."""
    core, _, given = text.partition(".")
    check = cn_check(core)
    if given and given != check:
        raise ValueError(f"CN application {text}: check character should be {check}")
    return core, check


def cn_standard_form(core: str) -> str:
    """CNIPA 15-digit standard form: type digit x10, year, 00, 7-digit serial
    ('202110358642' -> '102021000358642')."""
    return f"{core[4]}0{core[:4]}00{core[5:]}"


USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def _org_value(c: str) -> int:
    return int(c) if c.isdigit() else ord(c) - ord("A") + 10


def org_code_check(body: str) -> str:
    """GB 11714 check over the 8-character organisation-code body (USCC positions 9-16)."""
    c = 11 - sum(_org_value(ch) * w for ch, w in zip(body, ORG_WEIGHTS)) % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def uscc_check(first17: str) -> str:
    s = sum(USCC_ALPHABET.index(ch) * w for ch, w in zip(first17, USCC_WEIGHTS))
    return USCC_ALPHABET[(31 - s % 31) % 31]


def make_uscc(first16: str) -> str:
    """Completes 16 characters (authority, type, division, org-code body) with both checks."""
    if len(first16) != 16 or any(ch not in USCC_ALPHABET for ch in first16):
        raise ValueError(f"USCC prefix must be 16 characters of the GB 32100 alphabet: {first16!r}")
    first17 = first16 + org_code_check(first16[8:16])
    return first17 + uscc_check(first17)


def uscc_valid(code: str) -> bool:
    return (len(code) == 18 and all(ch in USCC_ALPHABET for ch in code)
            and code[16] == org_code_check(code[8:16]) and code[17] == uscc_check(code[:17]))
