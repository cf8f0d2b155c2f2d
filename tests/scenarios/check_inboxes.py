#!/usr/bin/env python3
"""Checks the scenario suite's own inputs before anyone trusts a red or green scenario:
every run of every case is generated into a scratch inbox and

  - every XML document is well-formed (the USPTO weekly files one document at a time,
    split at each XML declaration as patsub must split them), with the root element its
    office uses;
  - every CN application number written in a file carries its correct check character;
  - every payee and enterprise USCC passes both GB 32100 checks, was issued in Kunming
    (5301xx) or at Yunnan province level (530000), and every payee district is 5301xx;
  - every grant's (office, kind, date) is in schemas/kind-codes.csv, except where the
    case expects that very grant to be rejected unknown_kind, and what the table says of
    it (grant or not, patent type) is what the expected line is built on: a CN U line
    under 8.7 needs a utility model that is a grant, not_a_grant needs is_grant=false,
    foreign_design a design, type_not_covered the type "other";
  - every grant named in an expected line is one the case delivers;
  - every test policy file is valid against schemas/policy.xsd (xmllint).

Usage: check_inboxes.py CASES_DIR SCHEMAS_DIR POLICIES_DIR"""

import csv
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

sys.dont_write_bytecode = True  # the suite's modules are imported from the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))

from identifiers import cn_check, uscc_valid  # noqa: E402
from make_inbox import write_run  # noqa: E402
from scenario_case import BASE_COLUMNS, CaseError, parse_case  # noqa: E402

ROOTS = {
    "{http://www.sipo.gov.cn/XMLSchema/business}PatentDocumentAndRelated",
    "us-patent-grant",
    "ep-patent-document",
    "{http://www.epo.org/exchange}exchange-documents",
}


def kind_table(schemas: Path) -> list:
    with open(schemas / "kind-codes.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def kind_row(table: list, office: str, kind: str, day) -> dict | None:
    for r in table:
        if (r["office"], r["kind"]) == (office, kind) and (not r["from"] or r["from"] <= day.isoformat()) \
                and (not r["to"] or day.isoformat() <= r["to"]):
            return r
    return None


CLAUSE_TYPES = {"8.1": "invention", "8.3": "invention", "8.6": "invention",
                "8.2": "utility_model", "8.4": "utility_model", "8.7": "utility_model", "8.8": "design"}


def kind_disagreement(row: dict | None, clause: str, reason: str) -> str:
    """What the kind table says that the expected line cannot be built on, or ''."""
    if reason == "unknown_kind":
        return "" if row is None else f"the table knows it ({row['note']})"
    if row is None:
        return "the table has no row for it"
    if reason == "kind_unverified":
        return "" if row["is_grant"] == "unverified" else f"the table settles it ({row['note']})"
    if row["is_grant"] == "unverified":
        return f"the table marks it unverified, so its line is held kind_unverified ({row['note']})"
    is_grant = row["is_grant"] == "true"
    if reason == "not_a_grant":
        return "" if not is_grant else "the table says it IS a grant"
    if not is_grant:
        return f"the table says it is not a grant ({row['note']})"
    if reason == "foreign_design" and row["patent_type"] != "design":
        return f"the table types it {row['patent_type']}"
    if reason == "type_not_covered" and row["patent_type"] != "other":
        return f"the table types it {row['patent_type']}"
    if clause in CLAUSE_TYPES and row["patent_type"] != CLAUSE_TYPES[clause]:
        return f"clause {clause} needs a {CLAUSE_TYPES[clause]}, the table types it {row['patent_type']}"
    return ""


def documents(path: Path) -> list:
    text = path.read_text(encoding="utf-8")
    parts = [p for p in re.split(r"(?=<\?xml )", text) if p.strip()]
    return parts


def check_file(path: Path, problems: list, where: str):
    if path.suffix.lower() == ".csv":
        check_list(path, problems, where)
        return
    for i, doc in enumerate(documents(path), 1):
        try:
            root = ET.fromstring(doc.encode("utf-8"))
        except ET.ParseError as e:
            problems.append(f"{where}: {path.name} document {i} is not well-formed: {e}")
            continue
        if root.tag not in ROOTS:
            problems.append(f"{where}: {path.name} document {i} has root {root.tag}")
    text = path.read_text(encoding="utf-8")
    for core, check in re.findall(r"(?<![\d.])(\d{4}[1-389]\d{7})\.([\dX])(?![\d])", text):
        if cn_check(core) != check:
            problems.append(f"{where}: {path.name}: CN application {core}.{check} should end .{cn_check(core)}")


def check_list(path: Path, problems: list, where: str):
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for n, row in enumerate(rows, 2):
        code = row.get("uscc")
        if code is None:
            continue
        if not uscc_valid(code):
            problems.append(f"{where}: {path.name}:{n}: USCC {code} fails GB 32100 / GB 11714")
        elif not (code[2:6] == "5301" or code[2:8] == "530000"):
            problems.append(f"{where}: {path.name}:{n}: USCC {code} was not issued in Kunming or Yunnan")
        if "district" in row and not re.fullmatch(r"5301\d\d", row["district"]):
            problems.append(f"{where}: {path.name}:{n}: district {row['district']} is not 5301xx")


def main(argv: list) -> int:
    if len(argv) != 4:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    cases_dir, schemas, policies = Path(argv[1]), Path(argv[2]), Path(argv[3])
    kinds = kind_table(schemas)
    problems = []
    grant_i, clause_i, reason_i = (BASE_COLUMNS.index(c) for c in ("grant", "clause", "reason"))
    n_files = 0
    case_dirs = sorted(d for d in cases_dir.iterdir() if (d / "case.txt").exists())
    for d in case_dirs:
        try:
            case = parse_case(d)
        except (CaseError, ValueError) as e:
            problems.append(f"{d.name}: {e}")
            continue
        delivered = {g.grant_id: g for r in case.runs for g in r.grants}
        unknown_ok = {e.cells[grant_i] for r in case.runs for e in r.expects if e.cells[reason_i] == "unknown_kind"}
        for r in case.runs:
            for g in r.grants:
                if kind_row(kinds, g.office, g.kind, g.date) is None and g.grant_id not in unknown_ok:
                    problems.append(f"{g.where}: {g.office} {g.kind} on {g.date} is not in kind-codes.csv")
            for e in r.expects:
                gid = e.cells[grant_i]
                if not gid:
                    continue
                if gid not in delivered:
                    problems.append(f"{e.where}: {gid} is never delivered by this case")
                    continue
                g = delivered[gid]
                why = kind_disagreement(kind_row(kinds, g.office, g.kind, g.date), e.cells[clause_i],
                                        e.cells[reason_i])
                if why:
                    problems.append(f"{e.where}: {gid} ({g.office} {g.kind}, {g.date}): {why}")
        work = Path(tempfile.mkdtemp(prefix=f"scenario-inbox-{d.name}-"))
        try:
            for r in case.runs:
                for path in write_run(case, r, work):
                    n_files += 1
                    check_file(path, problems, f"{d.name} run {r.index}")
        except (CaseError, ValueError) as e:
            problems.append(f"{d.name}: cannot generate: {e}")
        finally:
            shutil.rmtree(work, ignore_errors=True)

    xmllint = shutil.which("xmllint")
    for policy in sorted(policies.glob("*.xml")):
        if not xmllint:
            print(f"SKIPPED: xmllint absent, {policy.name} not validated")
            continue
        r = subprocess.run([xmllint, "--noout", "--nonet", "--schema", str(schemas / "policy.xsd"), str(policy)],
                           capture_output=True, text=True)
        if r.returncode != 0:
            problems.append(f"{policy.name} is not valid against policy.xsd: {r.stderr.strip()}")

    print(f"{len(case_dirs)} cases, {n_files} generated files checked")
    if problems:
        print("FAIL:\n  " + "\n  ".join(problems))
        return 1
    print("ok: every generated document is well-formed and every identifier holds")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
