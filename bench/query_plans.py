#!/usr/bin/env python3
"""Every SQL statement the nightly issues on a grown ledger, how often, and its query plan.

    query_plans.py PATSUB INBOX [WORK] [--more DIR]

Creates a ledger under WORK (default: a temporary folder) and runs `patsub run` on a copy
of INBOX, then the nights that follow it on the same ledger:
  1. nothing new;
  2. the grant files of DIR (--more, e.g. a generated delivery), a dispute list opening
     disputes on paid grants and an abnormal-application list naming paid CN grants;
  3. a dispute list closing those disputes and a new payee registry snapshot (every held
     grant decided again).
Every run has PATSUB_SQL_TRACE set (src/ledger/ledger.cpp: the ledger's own record of
each statement it prepares and steps, not a hand-kept list). Prints one row per distinct
statement: executions, the plan (EXPLAIN QUERY PLAN on the ledger the nights left), and
**SCAN** when SQLite reads a whole table that grows with the ledger (ledger lines, grants,
sightings, families, files, list records, chain events ...) instead of searching an
index. A scan of a partial index reads only the rows of its condition (held lines,
quarantined files) and is shown, not failed. Exits 1 when any statement, however often it
ran, scans a growing table (issue 17: a nightly's cost follows its new work).
"""
import argparse
import collections
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

# Tables that do not grow with the grants, lines or files: one row a night (batches,
# approvals, treasury files), a handful of settings, or the reference registers a run
# reads whole by design (the payee registry decides every match; the enterprise
# recognitions are the 8.9/8.10 awards decided each run).
SMALL = {"sqlite_master", "sqlite_schema", "schema_migrations", "batches", "approvals", "treasury_files",
         "treasury_workbooks", "chain_settings", "ledger_origin", "payees", "current_payees",
         "payee_bank_changes", "enterprise_recognitions", "quarantine_acknowledgements"}
SKIPPED = ("PRAGMA", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "CREATE", "EXPLAIN", "VACUUM", "ALTER",
           "DROP")


def run(patsub, db, inbox, out, as_of, trace):
    env = dict(os.environ, PATSUB_SQL_TRACE=trace)
    r = subprocess.run([patsub, "run", "--db", db, "--inbox", inbox, "--out", out, "--as-of", as_of], env=env,
                       capture_output=True, text=True)
    print(f"{as_of}: {r.stdout.strip()}")
    if r.returncode not in (0, 1):
        print(r.stderr, file=sys.stderr)
        sys.exit(2)


def late_news(db, inbox):
    """Night 2's lists: disputes on 40 paid grants, abnormal notices on 10 paid CN grants."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    paid = con.execute("SELECT l.grant_id, g.application_number FROM ledger_lines l JOIN grants g "
                       "ON g.grant_id = l.grant_id WHERE l.status = 'payable' AND g.office = 'CN' "
                       "ORDER BY l.line_id").fetchall()
    con.close()
    disputed, abnormal = paid[:40], paid[40:50]
    os.makedirs(os.path.join(inbox, "disputes"), exist_ok=True)
    os.makedirs(os.path.join(inbox, "abnormal"), exist_ok=True)
    with open(os.path.join(inbox, "disputes", "disputes-1.csv"), "w", encoding="utf-8") as f:
        f.write("patent,status,date,note\n")
        f.writelines(f"{g},open,2026-01-06,contested\n" for g, _ in disputed)
    with open(os.path.join(inbox, "abnormal", "abnormal-1.csv"), "w", encoding="utf-8") as f:
        f.write("application_number,notice,notice_date\n")
        f.writelines(f"{a},N-{i},2026-01-06\n" for i, (_, a) in enumerate(abnormal) if a)
    return disputed


def aliases(sql):
    """Name in a plan (table or alias) -> table, from the statement's FROM and JOIN terms."""
    names = {}
    for table, alias in re.findall(r"\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(?!ON\b|WHERE\b|JOIN\b|ORDER\b|GROUP\b|"
                                   r"LEFT\b|INNER\b|CROSS\b|USING\b|LIMIT\b|UNION\b)(\w+))?", sql, re.I):
        names[table] = table
        if alias:
            names[alias] = table
    return names


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("patsub")
    ap.add_argument("inbox")
    ap.add_argument("work", nargs="?")
    ap.add_argument("--more", help="grant files arriving on night 2 (a folder)")
    a = ap.parse_args()
    work = a.work or tempfile.mkdtemp(prefix="patsub-plans-")
    os.makedirs(work, exist_ok=True)
    db, trace = os.path.join(work, "ledger.sqlite"), os.path.join(work, "statements.sql")
    inbox, out = os.path.join(work, "inbox"), os.path.join(work, "out")
    for stale in (db, db + "-wal", db + "-shm", trace):
        if os.path.exists(stale):
            os.remove(stale)
    shutil.rmtree(inbox, ignore_errors=True)
    shutil.copytree(a.inbox, inbox)
    subprocess.run([a.patsub, "init", "--db", db], check=True, capture_output=True)

    run(a.patsub, db, inbox, out, "2026-01-05", trace)
    run(a.patsub, db, inbox, out, "2026-01-06", trace)
    if a.more:
        shutil.copytree(a.more, os.path.join(inbox, "grants", "night-2"))
    disputed = late_news(db, inbox)
    run(a.patsub, db, inbox, out, "2026-01-07", trace)
    with open(os.path.join(inbox, "disputes", "disputes-2.csv"), "w", encoding="utf-8") as f:
        f.write("patent,status,date,note\n")
        f.writelines(f"{g},closed,2026-01-07,settled\n" for g, _ in disputed)
    payees = os.path.join(inbox, "payees")
    for name in sorted(os.listdir(payees)):
        with open(os.path.join(payees, name), encoding="utf-8") as src:
            text = src.read()
        with open(os.path.join(payees, "zz-" + name), "w", encoding="utf-8") as dst:
            dst.write(text if text.endswith("\n") else text + "\n")
            dst.write("\n")  # other bytes, the same rows: a new snapshot
        break
    run(a.patsub, db, inbox, out, "2026-01-08", trace)

    counts = collections.Counter(s.strip() for s in open(trace, encoding="utf-8").read().split("\n;;\n") if s.strip())
    con = sqlite3.connect(db)
    partial = {name for name, sql in con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                                 "AND sql LIKE '% WHERE %'")}
    tables = {name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    growing = tables - SMALL
    bad = []
    print(f"\n| runs | statement | plan |\n|---:|---|---|")
    for sql, n in counts.most_common():
        if sql.upper().startswith(SKIPPED):
            continue
        bare = re.sub(r"'[^']*'", "''", sql)  # parameters are never inside a string literal ('APP:CN:%')
        names = set(re.findall(r":([A-Za-z_]\w*)", bare))
        numbered = [int(i) for i in re.findall(r"\?(\d+)", bare)]
        if names:
            parameters = {n: None for n in names}
        elif numbered:
            parameters = {str(i): None for i in set(numbered)}
        else:
            parameters = [None] * bare.count("?")
        try:
            plan = [row[3] for row in con.execute("EXPLAIN QUERY PLAN " + sql, parameters)]
        except sqlite3.Error as e:
            plan = [f"(not explained: {e})"]
        # "ORDER BY line_id DESC LIMIT 1" on the rowid is shown as SCAN but walks the
        # table's b-tree from its last row and stops there: one row, whatever the size.
        last_row = re.search(r"ORDER BY \w+ DESC LIMIT 1$", sql) and " WHERE " not in sql
        alias = aliases(sql)
        shown_plan, scans = [], []
        for p in plan:
            m = re.match(r"SCAN (\w+)(?: USING (?:COVERING )?INDEX (\w+))?", p)
            if not m or alias.get(m.group(1), m.group(1)) not in growing:
                shown_plan.append(p)
            elif last_row:
                shown_plan.append(p + " (from the last rowid, LIMIT 1)")
            elif m.group(2) in partial:
                shown_plan.append(p + " (partial index: only the rows of its condition)")
            else:
                shown_plan.append(p + " **SCAN**")
                scans.append(p)
        if scans:
            bad.append(sql)
        shown = " ".join(sql.split())
        if len(shown) > 140:
            shown = shown[:137] + "..."
        print(f"| {n} | `{shown}` | {'; '.join(shown_plan) or '(no table)'} |")
    if bad:
        print(f"\n{len(bad)} statement(s) scan a table that grows with the ledger")
        return 1
    print("\nno statement of the nightly scans a table that grows with the ledger")
    return 0


if __name__ == "__main__":
    sys.exit(main())
