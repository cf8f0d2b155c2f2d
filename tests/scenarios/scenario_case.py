"""A scenario case: a legal case written as a sequence of nightly runs (inbox contents,
--as-of day) and the ledger lines each run must add. This module reads the case file
(format in tests/scenarios/README.md) and refuses a case whose expectations contradict
contract.md on their face (a payable line with a reason, a held line with money, ...),
so that a typo in a case fails loudly instead of testing nothing."""

import csv
import re
import shlex
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from cast import party
from identifiers import cn_application

# contract.md, "Ledger CSV": the reason codes and statuses a line may carry.
REASONS = ("dispute_open", "abnormal_application", "cap_reached", "already_funded_in_jurisdiction",
           "foreign_design", "not_a_grant", "before_effective_date", "payee_not_registered",
           "type_not_covered", "already_paid", "unknown_kind", "no_policy_in_force",
           # added December 2026 (contract.md; policy.md readings 12-18)
           "identity_conflict", "payee_name_mismatch", "payee_ambiguous", "grant_after_as_of",
           # issue 14 point 2 (policy.md reading 4)
           "kind_unverified",
           # issue 14 point 5 (policy.md reading 18)
           "payee_left_registry")
STATUSES = ("payable", "held", "rejected", "recovery")
# policy.md's clause table. 8.5 is the cap: it pays nothing and no line carries it as its
# clause; a line the cap rejects names the clause whose money it withholds.
CLAUSES = ("8.1", "8.2", "8.3", "8.4", "8.5", "8.6", "8.7", "8.8", "8.9", "8.10")
LINE_CLAUSES = tuple(c for c in CLAUSES if c != "8.5")

BASE_COLUMNS = ("batch_id", "grant", "clause", "status", "amount_fen", "reason", "payee_uscc")
EXTRA_COLUMNS = ("policy", "office", "kind", "patent_type", "jurisdiction", "payee_name")

GRANT_ID = re.compile(r"^([A-Z]{2})([A-Z]{0,2}\d+)([A-Z]\d?)$")


class CaseError(ValueError):
    pass


def iso(text: str, where: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CaseError(f"{where}: '{text}' is not an ISO date") from None


@dataclass
class Priority:
    country: str
    number: str       # as the case wrote it (CN: 12-digit core, or core.check)
    date: date


@dataclass
class Pct:
    receiving_office: str  # "CN"
    year: str              # "2021"
    serial: str            # "088001"
    date: date

    @property
    def written(self) -> str:
        return f"PCT/{self.receiving_office}{self.year}/{self.serial}"


@dataclass
class GrantSpec:
    office: str
    number: str
    kind: str
    date: date
    application: str
    application_date: date
    owners: list
    priorities: list = field(default_factory=list)
    pct: Pct | None = None
    family: str = ""
    granted: date | None = None   # EP B2/B3: the B1 grant date (B450)
    title: str = ""
    file: str = ""
    where: str = ""

    @property
    def grant_id(self) -> str:
        return f"{self.office}{self.number}{self.kind}"


@dataclass
class Expect:
    cells: tuple
    optional: bool
    where: str


@dataclass
class Run:
    index: int
    as_of: date
    exit_code: int = 0
    payees: list = field(default_factory=list)
    payee_files: list = field(default_factory=list)   # (file name, [handles]): more snapshots in one run
    grants: list = field(default_factory=list)
    disputes: list = field(default_factory=list)      # rows (lists of cells)
    abnormal: list = field(default_factory=list)
    enterprises: list = field(default_factory=list)   # (handle, recognition, year)
    expects: list = field(default_factory=list)
    expect_nothing: bool = False
    explains: list = field(default_factory=list)      # (id, [texts that must appear])
    where: str = ""


@dataclass
class Case:
    name: str
    directory: Path
    title: str = ""
    legal: str = ""
    policy: str = ""
    columns: tuple = BASE_COLUMNS
    runs: list = field(default_factory=list)

    def describe(self) -> str:
        return f"{self.name}: {self.title}\n" + "\n".join("    " + l for l in self.legal.splitlines())


def _csv_row(text: str, width: int, where: str) -> list:
    rows = list(csv.reader([text], skipinitialspace=False))
    if len(rows) != 1 or len(rows[0]) != width:
        raise CaseError(f"{where}: expected {width} comma-separated cells, got {text!r}")
    return [c.strip() for c in rows[0]]


def _check_cn_number_if_any(text: str, where: str):
    """A dispute or abnormal row naming a CN application must carry a valid check
    character (contract.md: a reference list gives the whole number)."""
    m = re.fullmatch(r"(?:ZL|CN)?\s*(\d{4})\s?(\d)\s?(\d{7})\.([0-9X])", text)
    if m:
        try:
            cn_application(m.group(1) + m.group(2) + m.group(3) + "." + m.group(4))
        except ValueError as e:
            raise CaseError(f"{where}: {e}") from None


def _grant(tokens: list, where: str, ordinal: int) -> GrantSpec:
    m = GRANT_ID.match(tokens[0])
    if not m:
        raise CaseError(f"{where}: '{tokens[0]}' is not a grant id (office + number + kind, e.g. US11553104B2)")
    office, number, kind = m.groups()
    kv = {}
    prios = []
    for t in tokens[1:]:
        k, sep, v = t.partition("=")
        if not sep:
            raise CaseError(f"{where}: '{t}' is not key=value")
        if k == "prio":
            prios.append(v)
        elif k in kv:
            raise CaseError(f"{where}: {k}= given twice")
        else:
            kv[k] = v
    unknown = set(kv) - {"date", "app", "appdate", "owners", "pct", "family", "granted", "title", "file", "mismatch"}
    if unknown:
        raise CaseError(f"{where}: unknown grant keys {sorted(unknown)}")
    if "date" not in kv or "owners" not in kv:
        raise CaseError(f"{where}: a grant needs date= and owners=")
    d = iso(kv["date"], where)
    owners = [party(h) for h in kv["owners"].split(",")]
    app = kv.get("app", "")
    if office == "CN":
        if not app:
            raise CaseError(f"{where}: a CN grant needs app= (its application number decides families)")
        try:
            core, _ = cn_application(app)
        except ValueError as e:
            raise CaseError(f"{where}: {e}") from None
        type_digit = core[4]
        allowed = {"A": "18", "B": "18", "C": "18", "U": "29", "Y": "29", "S": "3", "D": "3"}.get(kind[0], "")
        # mismatch=kind: the case feeds a kind that contradicts its application on purpose
        # (policy.md reading 12, identity_conflict).
        if type_digit not in allowed and kv.get("mismatch") != "kind":
            raise CaseError(f"{where}: CN kind {kind} does not fit application type digit {type_digit}")
        app = core
    priorities = []
    for p in prios:
        m2 = re.fullmatch(r"([A-Z]{2}):([^@]+)@(\d{4}-\d{2}-\d{2})", p)
        if not m2:
            raise CaseError(f"{where}: prio={p} is not CC:number@YYYY-MM-DD")
        country, num, pd = m2.groups()
        if country == "CN":
            try:
                cn_application(num)
            except ValueError as e:
                raise CaseError(f"{where}: priority {e}") from None
        priorities.append(Priority(country, num, iso(pd, where)))
    pct = None
    if "pct" in kv:
        m3 = re.fullmatch(r"PCT/([A-Z]{2})(\d{4})/(\d{6})@(\d{4}-\d{2}-\d{2})", kv["pct"])
        if not m3:
            raise CaseError(f"{where}: pct={kv['pct']} is not PCT/CCYYYY/NNNNNN@YYYY-MM-DD")
        pct = Pct(m3.group(1), m3.group(2), m3.group(3), iso(m3.group(4), where))
    if "appdate" in kv:
        app_date = iso(kv["appdate"], where)
    else:
        app_date = date.fromordinal(d.toordinal() - 540)
        if pct:  # a national phase is filed as of the international filing date
            app_date = pct.date
        elif priorities:  # Paris Convention: filed within twelve months of the priority
            app_date = date.fromordinal(min(p.date for p in priorities).toordinal() + 330)
        if office == "CN":  # filed in the year its number says
            year = int(app[:4])
            app_date = min(max(app_date, date(year, 1, 4)), date(year, 12, 20))
    return GrantSpec(office=office, number=number, kind=kind, date=d, application=app, application_date=app_date,
                     owners=owners, priorities=priorities, pct=pct, family=kv.get("family", ""),
                     granted=iso(kv["granted"], where) if "granted" in kv else None,
                     title=kv.get("title", ""), file=kv.get("file", ""), where=f"{where} (grant #{ordinal})")


def _expect(text: str, case: Case, run: Run, where: str, optional: bool) -> Expect:
    cells = _csv_row(text, len(case.columns), where)
    row = dict(zip(case.columns, cells))
    if row["payee_uscc"].startswith("@"):
        p = party(row["payee_uscc"][1:])
        if not p.uscc:
            raise CaseError(f"{where}: {p.handle} has no USCC")
        row["payee_uscc"] = p.uscc
    if row["batch_id"] != str(run.index):
        raise CaseError(f"{where}: batch_id {row['batch_id']} in run {run.index} (batch ids follow the runs)")
    status, reason = row["status"], row["reason"]
    if status not in STATUSES:
        raise CaseError(f"{where}: unknown status '{status}'")
    if reason and reason not in REASONS:
        raise CaseError(f"{where}: reason '{reason}' is not a contract.md reason code")
    if row["clause"] and row["clause"] not in LINE_CLAUSES:
        raise CaseError(f"{where}: '{row['clause']}' is not the clause of a ledger line")
    try:
        amount = int(row["amount_fen"])
    except ValueError:
        raise CaseError(f"{where}: amount_fen '{row['amount_fen']}' is not an integer (fen)") from None
    # contract.md: payable lines carry no reason; recovery lines a negative amount;
    # held and rejected lines pay nothing (amount 0) and always say why.
    ok = {"payable": amount > 0 and not reason and row["clause"],
          "recovery": amount < 0 and reason and row["clause"],
          "held": amount == 0 and reason,
          "rejected": amount == 0 and reason}[status]
    if not ok:
        raise CaseError(f"{where}: a {status} line with amount {amount}, reason '{reason}' and clause "
                        f"'{row['clause']}' contradicts contract.md")
    if not row["grant"] and row["clause"] not in ("8.9", "8.10"):
        raise CaseError(f"{where}: only award lines (8.9, 8.10) have an empty grant")
    if row["grant"] and not GRANT_ID.match(row["grant"]):
        raise CaseError(f"{where}: '{row['grant']}' is not a grant id")
    return Expect(tuple(row[c] for c in case.columns), optional, where)


def parse_case(directory: Path) -> Case:
    path = directory / "case.txt"
    case = Case(name=directory.name, directory=directory)
    run = None
    legal_lines = None
    ordinal = 0
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path}:{n}"
        line = raw.rstrip()
        if legal_lines is not None:
            if line.startswith("  ") or not line:
                legal_lines.append(line.strip())
                continue
            case.legal = "\n".join(legal_lines).strip()
            legal_lines = None
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not line.startswith(" "):
            key, _, value = stripped.partition(":")
            m = re.fullmatch(r"run (\d+) as-of (\S+)(?: exit (\d+))?", stripped)
            if m:
                index = int(m.group(1))
                if index != len(case.runs) + 1:
                    raise CaseError(f"{where}: runs must be numbered 1, 2, 3, ... in order")
                run = Run(index=index, as_of=iso(m.group(2), where), exit_code=int(m.group(3) or 0), where=where)
                case.runs.append(run)
            elif key == "title":
                case.title = value.strip()
            elif key == "policy":
                case.policy = value.strip()
            elif key == "columns":
                extra = tuple(c.strip() for c in value.split(",") if c.strip())
                if any(c not in EXTRA_COLUMNS for c in extra):
                    raise CaseError(f"{where}: extra columns must be among {EXTRA_COLUMNS}")
                case.columns = BASE_COLUMNS + extra
            elif key == "legal":
                legal_lines = [value.strip()] if value.strip() else []
            else:
                raise CaseError(f"{where}: expected title:, legal:, policy:, columns: or 'run N as-of DATE'")
            continue
        if run is None:
            raise CaseError(f"{where}: indented line outside a run")
        key, sep, value = stripped.partition(":")
        value = value.strip()
        if stripped.startswith("grant "):
            ordinal += 1
            run.grants.append(_grant(shlex.split(stripped)[1:], where, ordinal))
        elif key == "payees":
            run.payees.extend(party(h).handle for h in value.replace(",", " ").split())
            if any(not party(h).uscc for h in run.payees):
                raise CaseError(f"{where}: only parties with a USCC can be registered")
        elif key.startswith("payees in "):
            name = key[len("payees in "):].strip()
            if not re.fullmatch(r"[A-Za-z0-9._-]+\.csv", name):
                raise CaseError(f"{where}: 'payees in NAME.csv:' names a plain .csv file")
            handles = [party(h).handle for h in value.replace(",", " ").split()]
            if any(not party(h).uscc for h in handles):
                raise CaseError(f"{where}: only parties with a USCC can be registered")
            run.payee_files.append((name, handles))
        elif key in ("dispute", "dispute!"):
            row = _csv_row(value, 4, where)
            if row[1] not in ("open", "closed") and key == "dispute":
                raise CaseError(f"{where}: dispute status must be open or closed")
            if key == "dispute":
                _check_cn_number_if_any(row[0], where)
            run.disputes.append(row)
        elif key == "abnormal":
            row = _csv_row(value, 3, where)
            _check_cn_number_if_any(row[0], where)
            run.abnormal.append(row)
        elif key == "enterprise":
            parts = value.split()
            if len(parts) != 3 or parts[1] not in ("demonstration", "pilot") or not parts[2].isdigit():
                raise CaseError(f"{where}: enterprise: <party> demonstration|pilot <year>")
            if not party(parts[0]).uscc:
                raise CaseError(f"{where}: {parts[0]} has no USCC")
            run.enterprises.append((parts[0], parts[1], parts[2]))
        elif key in ("expect", "expect?"):
            if value == "nothing":
                run.expect_nothing = True
            else:
                run.expects.append(_expect(value, case, run, where, optional=(key == "expect?")))
        elif key == "explain":
            m = re.fullmatch(r"(\S+) mentions (.+)", value)
            if not m:
                raise CaseError(f"{where}: explain: <ID> mentions <text> [<text> ...]")
            run.explains.append((m.group(1), m.group(2).split()))
        else:
            raise CaseError(f"{where}: unknown line in a run: {stripped}")
    if legal_lines is not None:
        case.legal = "\n".join(legal_lines).strip()
    if not case.title or not case.legal:
        raise CaseError(f"{path}: a case needs a title: and a legal: description")
    if not case.runs:
        raise CaseError(f"{path}: a case needs at least one run")
    for r in case.runs:
        if r.expect_nothing and r.expects:
            raise CaseError(f"{r.where}: 'expect: nothing' together with expected lines")
        if not r.expect_nothing and not r.expects and r.exit_code < 2:
            raise CaseError(f"{r.where}: say 'expect: nothing' when a run must add no line")
        if r.exit_code >= 2 and r.expects:
            raise CaseError(f"{r.where}: a refused run (exit {r.exit_code}) writes no line")
    return case
