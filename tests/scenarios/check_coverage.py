#!/usr/bin/env python3
"""The scenario suite must speak every clause of measure 8 and every reason code of
contract.md: this check fails when some clause or reason code appears in no expected
ledger line of any case (8.5, the cap, is never the clause of a line: a line the cap
rejects names the clause whose money it withholds; 8.5 is covered by lines with the
reasons cap_reached and already_funded_in_jurisdiction), when no case
expects a recovery line, or when the suite has fewer than 40 cases. Optional lines
(`expect?:`) do not count: they prove nothing.

It also reads the lists from the documents themselves when they are present, so a reason
code added to contract.md or a clause added to policy.md fails here until a case uses it.

Usage: check_coverage.py CASES_DIR [SHARED_DOCS_DIR]"""

import re
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # the suite's modules are imported from the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))

from scenario_case import BASE_COLUMNS, CLAUSES, REASONS, CaseError, parse_case  # noqa: E402

MIN_CASES = 40


def documented_reasons(contract: Path) -> set:
    text = contract.read_text(encoding="utf-8")
    m = re.search(r"`reason`: a short stable code \((.*?)\)\s*or empty", text, re.S)
    if not m:
        raise SystemExit(f"FAIL: cannot find the reason-code list in {contract}")
    return set(re.findall(r"`([a-z_]+)`", m.group(1)))


def documented_clauses(policy: Path) -> set:
    return set(re.findall(r"^\| (8\.\d+) \|", policy.read_text(encoding="utf-8"), re.M))


def main(argv: list) -> int:
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    cases_dir = Path(argv[1])
    reasons, clauses = set(REASONS), set(CLAUSES)
    docs = Path(argv[2]) if len(argv) == 3 else None
    if docs and (docs / "contract.md").exists() and (docs / "policy.md").exists():
        reasons_doc, clauses_doc = documented_reasons(docs / "contract.md"), documented_clauses(docs / "policy.md")
        if reasons_doc != reasons or clauses_doc != clauses:
            print(f"note: the documents list reasons {sorted(reasons_doc ^ reasons)} / clauses "
                  f"{sorted(clauses_doc ^ clauses)} that the suite's own lists do not (or the reverse)")
        reasons |= reasons_doc
        clauses |= clauses_doc
    else:
        print(f"SKIPPED: reading the lists from contract.md and policy.md ({docs} absent); "
              "checking against the suite's copy of them")

    failures = []
    seen_reasons, seen_clauses, seen_status = {}, {}, {}
    case_dirs = sorted(d for d in cases_dir.iterdir() if (d / "case.txt").exists())
    for d in case_dirs:
        try:
            case = parse_case(d)
        except (CaseError, ValueError) as e:
            failures.append(f"{d.name}: {e}")
            continue
        status_i, clause_i, reason_i = (BASE_COLUMNS.index(c) for c in ("status", "clause", "reason"))
        for run in case.runs:
            for e in run.expects:
                if e.optional:
                    continue
                seen_status.setdefault(e.cells[status_i], set()).add(case.name)
                if e.cells[clause_i]:
                    seen_clauses.setdefault(e.cells[clause_i], set()).add(case.name)
                if e.cells[reason_i]:
                    seen_reasons.setdefault(e.cells[reason_i], set()).add(case.name)

    if len(case_dirs) < MIN_CASES:
        failures.append(f"only {len(case_dirs)} cases; the suite needs at least {MIN_CASES}")
    # 8.5 speaks through its outcomes: both of them must be expected somewhere.
    if {"cap_reached", "already_funded_in_jurisdiction"} <= set(seen_reasons):
        seen_clauses.setdefault("8.5", set()).update(seen_reasons["cap_reached"])
    for c in sorted(clauses - set(seen_clauses), key=lambda c: [int(x) for x in c.split(".")]):
        failures.append(f"clause {c} appears in no expected line")
    for r in sorted(reasons - set(seen_reasons)):
        failures.append(f"reason code {r} appears in no expected line")
    for s in ("payable", "held", "rejected", "recovery"):
        if s not in seen_status:
            failures.append(f"no case expects a {s} line")
    recovery_reasons = {r for r, names in seen_reasons.items()
                        if names & seen_status.get("recovery", set())}
    for r in ("dispute_open", "abnormal_application"):
        if r not in recovery_reasons:
            failures.append(f"no case with a recovery line uses reason {r} (policy.md reading 10)")

    print(f"{len(case_dirs)} cases")
    for label, seen in (("clause", seen_clauses), ("reason", seen_reasons), ("status", seen_status)):
        for key in sorted(seen):
            print(f"  {label:6} {key:32} {len(seen[key]):3} case(s)")
    if failures:
        print("FAIL:\n  " + "\n  ".join(failures))
        return 1
    print("ok: every clause, reason code and status is expected somewhere")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
