#!/usr/bin/env python3
"""Runs one scenario case through the real patsub binary, the way cron and the bureau
use it: for each run k the case's files join the inbox (earlier files stay; patsub takes
each file once), `patsub run --as-of` decides, and `patsub ledger --batch k --format csv`
must hold exactly the case's expected lines for run k (compared as a multiset: the order
of lines inside a batch is the implementation's). `patsub explain` must mention what the
case says it mentions, and `patsub verify` must accept the ledger at the end.

Usage: run_scenarios.py PATSUB CASE_DIR [CASE_DIR ...]
Exit 0 when every case holds, 1 otherwise. SCENARIO_KEEP=1 keeps the work folder."""

import re
import csv
import io
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # the suite's modules are imported from the source tree
sys.path.insert(0, str(HERE))

from make_inbox import write_run  # noqa: E402
from scenario_case import CaseError, parse_case  # noqa: E402

TIMEOUT_S = 300


def sh(cmd: list) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT_S)


def ledger_rows(patsub: str, db: Path, batch: int | None) -> tuple:
    """(rows as dicts, error text): the ledger CSV of one batch, or of all batches."""
    cmd = [patsub, "ledger", "--db", str(db), "--format", "csv"]
    if batch is not None:
        cmd += ["--batch", str(batch)]
    r = sh(cmd)
    if r.returncode != 0:
        return [], f"`{' '.join(cmd)}` exited {r.returncode}: {r.stderr.strip()}"
    text = r.stdout.lstrip("\ufeff")
    if not text.strip():
        return [], "no CSV at all (not even the header)"
    return list(csv.DictReader(io.StringIO(text))), ""


def show(cells: tuple) -> str:
    return ",".join(cells)


class CaseRun:
    def __init__(self, patsub: str, case_dir: Path):
        self.patsub = patsub
        self.case = parse_case(case_dir)
        self.problems = []

    def fail(self, text: str):
        self.problems.append(text)

    def policy_args(self) -> list:
        if not self.case.policy:
            return []
        path = HERE / "policies" / self.case.policy
        if not path.exists():
            raise CaseError(f"{self.case.name}: policy file {path} does not exist")
        return ["--policy", str(path)]

    def compare(self, run, rows: list):
        columns = self.case.columns
        missing_columns = [c for c in columns if rows and c not in rows[0]]
        if missing_columns:
            self.fail(f"run {run.index}: the ledger CSV has no column(s) {missing_columns}")
            return
        actual = Counter(tuple(row[c] for c in columns) for row in rows)
        required = Counter(e.cells for e in run.expects if not e.optional)
        optional = Counter(e.cells for e in run.expects if e.optional)
        missing = required - actual
        extra = actual - required
        extra = extra - optional  # an optional line may appear (at most as often as listed)
        if not missing and not extra:
            return
        out = [f"run {run.index} (as-of {run.as_of}): batch {run.index} differs from the case",
               f"  columns: {','.join(columns)}"]
        for cells, n in sorted(missing.items()):
            out += [f"  - expected, not in the ledger: {show(cells)}"] * n
        for cells, n in sorted(extra.items()):
            out += [f"  + in the ledger, not expected: {show(cells)}"] * n
        out.append("  the whole batch as written:")
        out += [f"    {show(tuple(row[c] for c in columns))}" for row in rows] or ["    (no lines)"]
        for e in run.expects:
            if e.cells in missing:
                out.append(f"  ({e.where} is one of the missing lines)")
        self.fail("\n".join(out))

    def check_explain(self, run, db: Path):
        for grant, texts in run.explains:
            r = sh([self.patsub, "explain", "--db", str(db), grant])
            if r.returncode != 0:
                self.fail(f"run {run.index}: `patsub explain {grant}` exited {r.returncode}: "
                          f"{(r.stderr or r.stdout).strip()[:400]}")
                continue
            absent = [t for t in texts if t not in r.stdout]
            if absent:
                self.fail(f"run {run.index}: `patsub explain {grant}` does not mention {absent}:\n"
                          + "\n".join("    " + l for l in r.stdout.splitlines()[:40]))

    def execute(self, work: Path) -> bool:
        inbox, out, db = work / "inbox", work / "out", work / "ledger.sqlite"
        inbox.mkdir()
        r = sh([self.patsub, "init", "--db", str(db)])
        if r.returncode != 0:
            self.fail(f"`patsub init` exited {r.returncode}: {r.stderr.strip()}")
            return False
        policy = self.policy_args()
        lines_before = 0
        for run in self.case.runs:
            write_run(self.case, run, inbox)
            cmd = [self.patsub, "run", "--db", str(db), "--inbox", str(inbox), "--out", str(out),
                   "--as-of", run.as_of.isoformat()] + policy
            r = sh(cmd)
            if r.returncode != run.exit_code:
                self.fail(f"run {run.index}: `patsub run --as-of {run.as_of}` exited {r.returncode}, the case "
                          f"expects {run.exit_code}\n  stdout: {r.stdout.strip()[:600]}\n"
                          f"  stderr: {r.stderr.strip()[:1500]}")
                if r.returncode >= 2 or run.exit_code >= 2:
                    return False  # nothing (or not what the case meant) was decided: later runs mean nothing
            if run.exit_code >= 2:
                # contract.md: a refused run writes nothing to the ledger.
                rows, err = ledger_rows(self.patsub, db, None)
                if err:
                    self.fail(f"run {run.index}: {err}")
                elif len(rows) != lines_before:
                    self.fail(f"run {run.index} was refused (exit {run.exit_code}) but the ledger went from "
                              f"{lines_before} to {len(rows)} lines")
                continue
            # A run with nothing new makes no batch (issue 16 point 4), so batch ids follow
            # the runs that wrote one; the case numbers lines by run.
            made = re.search(r"^batch (\d+):", r.stdout, re.M)
            if made:
                rows, err = ledger_rows(self.patsub, db, int(made.group(1)))
                if err:
                    self.fail(f"run {run.index}: {err}")
                    return False
                for row in rows:
                    row["batch_id"] = str(run.index)
            elif "no batch: nothing new" in r.stdout:
                rows = []
            else:
                self.fail(f"run {run.index}: its summary names no batch: {r.stdout.strip()[:400]}")
                return False
            self.compare(run, rows)
            self.check_explain(run, db)
            all_rows, _ = ledger_rows(self.patsub, db, None)
            lines_before = len(all_rows)
        r = sh([self.patsub, "verify", "--db", str(db)])
        if r.returncode != 0:
            self.fail(f"`patsub verify` exited {r.returncode}: {(r.stdout + r.stderr).strip()[:800]}")
        return not self.problems


def run_case(patsub: str, case_dir: Path) -> bool:
    try:
        cr = CaseRun(patsub, case_dir)
    except (CaseError, ValueError) as e:
        print(f"FAIL {case_dir.name}: the case itself is wrong: {e}")
        return False
    work = Path(tempfile.mkdtemp(prefix=f"scenario-{case_dir.name}-"))
    try:
        ok = cr.execute(work)
    except (CaseError, ValueError, OSError, subprocess.TimeoutExpired) as e:
        cr.fail(f"{type(e).__name__}: {e}")
        ok = False
    if ok:
        print(f"ok   {cr.case.name}: {cr.case.title} ({len(cr.case.runs)} runs)")
    else:
        print(f"FAIL {cr.case.describe()}\n")
        for p in cr.problems:
            print(p + "\n")
    if os.environ.get("SCENARIO_KEEP") == "1":
        print(f"work folder kept: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return ok


def main(argv: list) -> int:
    if len(argv) < 3:
        print("usage: run_scenarios.py PATSUB CASE_DIR [CASE_DIR ...]", file=sys.stderr)
        return 2
    patsub = argv[1]
    results = [run_case(patsub, Path(d)) for d in argv[2:]]
    if len(results) > 1:
        print(f"{results.count(True)} of {len(results)} cases hold")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
