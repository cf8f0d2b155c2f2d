#!/usr/bin/env python3
"""Every SQL statement one `patsub run` issues, how often, and SQLite's query plan for it.

    query_plans.py PATSUB INBOX [WORK]

Runs `patsub run` on INBOX into a fresh ledger under WORK (default: a temporary folder)
with PATSUB_SQL_TRACE set (src/ledger/ledger.cpp), then prints one row per distinct
statement: executions, the plan (EXPLAIN QUERY PLAN on the ledger the run left), and
"SCAN" when SQLite reads a whole table instead of searching an index. A statement that
runs once per grant or per line must never scan a table that grows with the ledger.
Exits 1 when one does (a table scan in a statement run more than --per-run times).
"""
import argparse
import collections
import os
import re
import sqlite3
import subprocess
import sys
import tempfile

# Tables whose size does not grow with the grants read: a scan of them is a few rows.
SMALL = {"sqlite_master", "batches", "schema_migrations", "payees", "current_payees", "approvals", "treasury_files",
         "enterprise_recognitions", "dispute_records", "abnormal_records", "source_files"}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("patsub")
    ap.add_argument("inbox")
    ap.add_argument("work", nargs="?")
    ap.add_argument("--per-run", type=int, default=3,
                    help="statements run at most this often count as once-per-run (default 3)")
    a = ap.parse_args()
    work = a.work or tempfile.mkdtemp(prefix="patsub-plans-")
    os.makedirs(work, exist_ok=True)
    db, trace = os.path.join(work, "ledger.sqlite"), os.path.join(work, "statements.sql")
    for stale in (db, db + "-wal", db + "-shm", trace):
        if os.path.exists(stale):
            os.remove(stale)
    subprocess.run([a.patsub, "init", "--db", db], check=True, capture_output=True)
    env = dict(os.environ, PATSUB_SQL_TRACE=trace)
    run = subprocess.run([a.patsub, "run", "--db", db, "--inbox", a.inbox, "--out", os.path.join(work, "out"),
                          "--as-of", "2026-01-05"], env=env, capture_output=True, text=True)
    print(run.stdout.strip())
    if run.returncode not in (0, 1):
        print(run.stderr, file=sys.stderr)
        return 2

    counts = collections.Counter(s.strip() for s in open(trace, encoding="utf-8").read().split("\n;;\n") if s.strip())
    con = sqlite3.connect(db)
    bad = []
    print(f"\n| runs | statement | plan |\n|---:|---|---|")
    for sql, n in counts.most_common():
        if sql.upper().startswith(("PRAGMA", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "CREATE",
                                   "EXPLAIN")):
            continue
        names = set(re.findall(r":([A-Za-z_]\w*)", sql))
        parameters = {n: None for n in names} if names else [None] * sql.count("?")
        try:
            plan = [row[3] for row in con.execute("EXPLAIN QUERY PLAN " + sql, parameters)]
        except sqlite3.Error as e:
            plan = [f"(not explained: {e})"]
        # "ORDER BY line_id DESC LIMIT 1" on the rowid is shown as SCAN but walks the
        # table's b-tree from its last row and stops there: one row, whatever the size.
        last_row = re.search(r"ORDER BY \w+ DESC LIMIT 1$", sql) and " WHERE " not in sql
        scans = [p for p in plan if p.startswith("SCAN ") and p.split()[1] not in SMALL
                 and not p.startswith("SCAN CONSTANT") and not last_row]
        if last_row:
            plan = [p + " (from the last rowid, LIMIT 1)" if p.startswith("SCAN ") else p for p in plan]
        flag = " **SCAN**" if scans and n > a.per_run else ""
        if flag:
            bad.append(sql)
        shown = " ".join(sql.split())
        if len(shown) > 140:
            shown = shown[:137] + "..."
        print(f"| {n} | `{shown}` | {'; '.join(plan) or '(no table)'}{flag} |")
    if bad:
        print(f"\n{len(bad)} statement(s) run more than {a.per_run} times scan a table that grows with the ledger")
        return 1
    print("\nevery statement run more than once per run searches an index")
    return 0


if __name__ == "__main__":
    sys.exit(main())
