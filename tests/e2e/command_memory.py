#!/usr/bin/env python3
"""No command holds a batch in memory (issue 17 point 4: each < 100 MB at any size).

    command_memory.py PATSUB SOURCE_DIR [--sanitized]

Builds two ledgers whose batch 2 holds SMALL and LARGE lines (bench/ledger_at_size.py:
lines chained with real hashes, a reasoning of the size `run` writes) and runs on each
the commands that write from a whole batch: review (its page and lines workbook),
summary, ledger (CSV and the table), verify, explain, notice publish, approve, approve
again, review of the approved batch. Each command's peak RSS at LARGE may exceed its
peak at SMALL by at most GROWTH_MB: holding the batch's lines again would add tens of
MB (LARGE - SMALL lines of about 400 bytes each without their reasoning, 1.7 KB with
it). Both sizes are past what SQLite's page cache (16 MB, ledger.cpp) holds of the
ledger, so the cache fills at both and is not counted as growth.

The outputs are checked at both sizes (the treasury file pays 7 lines in 10, the
listing has every line), so that a command that stopped early would not pass as lean.

With --sanitized (or PATSUB_TEST_SANITIZED set: an ASan build's allocator keeps freed
memory in quarantine, so RSS says nothing of what is held) the test prints SKIPPED and
exits 77.
"""
import csv
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

from measured_child import run_measured, tail

SMALL, LARGE = 12_000, 36_000
GROWTH_MB = 6


def fail(message):
    print(f"FAIL: {message}")
    sys.exit(1)


def newlines(path):
    count = 0
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            count += chunk.count(b"\n")
    return count


def build(patsub, src, work, lines):
    db = os.path.join(work, "ledger.sqlite")
    subprocess.run([patsub, "init", "--db", db], check=True, capture_output=True)
    subprocess.run([patsub, "run", "--db", db, "--inbox", os.path.join(src, "samples", "inbox"), "--out",
                    os.path.join(work, "sample-out"), "--as-of", "2026-01-05"], capture_output=True)
    subprocess.run([sys.executable, os.path.join(src, "bench", "ledger_at_size.py"), db, str(lines)], check=True,
                   capture_output=True)
    return db


def measure(patsub, src, work, lines):
    """{command: peak MB} for a ledger of `lines` lines in batch 2; fails on a wrong output."""
    db = build(patsub, src, work, lines)
    out = os.path.join(work, "out")
    said = os.path.join(work, "said.txt")
    env = dict(os.environ, PATSUB_TEST_FAST_HASH="1")
    last_grant = f"CN{300000000 + 20000000 + lines}U"
    holidays = os.path.join(src, "samples", "config", "holidays-cn.txt")
    steps = [
        ("review", [patsub, "review", "--db", db, "--batch", "2", "--out", out], {0}, None),
        ("summary", [patsub, "summary", "--db", db, "--from", "2026-01-01", "--to", "2026-12-31", "--format", "csv"],
         {0}, None),
        ("ledger csv", [patsub, "ledger", "--db", db, "--batch", "2"], {0}, None),
        ("ledger table", [patsub, "ledger", "--db", db, "--batch", "2", "--format", "table"], {0}, None),
        # Exit 1: batch 2 carries no seal event (ledger_at_size.py); every line is read.
        ("verify", [patsub, "verify", "--db", db], {1}, None),
        ("explain", [patsub, "explain", "--db", db, last_grant], {0}, None),
        ("notice publish", [patsub, "notice", "publish", "2", "--db", db, "--out", out, "--holidays", holidays,
                            "--objection-channel", "信函 letter"], {0}, "2026-02-02T02:00:00Z"),
        ("approve", [patsub, "approve", "--db", db, "--batch", "2", "--by", "guard", "--out", out], {0},
         "2026-04-01T02:00:00Z"),
        ("approve again", [patsub, "approve", "--db", db, "--batch", "2", "--by", "guard", "--out", out], {0},
         "2026-04-01T03:00:00Z"),
        ("review approved", [patsub, "review", "--db", db, "--batch", "2", "--out", out], {0}, None),
    ]
    peaks = {}
    for name, args, codes, now in steps:
        step_env = dict(env, PATSUB_NOW=now) if now else env
        rc, peak = run_measured(args, said, step_env)
        if rc not in codes:
            fail(f"{name} at {lines} lines exited {rc}: {tail(said)}")
        peaks[name] = peak
        text = tail(said)
        if name == "ledger csv" and newlines(said) != lines + 1:
            fail(f"ledger --batch 2 listed {newlines(said) - 1} lines of {lines}")
        if name == "ledger table" and newlines(said) < lines:
            fail(f"ledger --format table printed {newlines(said)} rows for {lines} lines")
        if name == "verify" and f"{lines + 11} lines checked" not in text:
            fail(f"verify did not read every line: {text[-300:]}")
        if name == "explain" and last_grant not in text:
            fail(f"explain does not name {last_grant}: {text[-300:]}")
    with open(os.path.join(out, "treasury-2.csv"), encoding="utf-8-sig", newline="") as f:
        total = list(csv.reader(f))[-1]
    if total[1] != "TOTAL" or int(total[6]) != lines * 7 // 10:
        fail(f"treasury-2.csv pays {total[6]} lines, expected {lines * 7 // 10}: {total}")
    # Every line edited behind patsub's back: verify finds a breach on each, lists the
    # first ones, counts the rest, and holds no more than it does on a sound ledger.
    with sqlite3.connect(db) as edit:
        edit.executescript("DROP TRIGGER ledger_lines_append_only_update; "
                           "UPDATE ledger_lines SET payee_name = payee_name || ' ';")
    rc, peaks["verify, every line edited"] = run_measured([patsub, "verify", "--db", db], said, env)
    text = open(said, encoding="utf-8").read()
    listed = text.count("\nBREACH line ") + text.startswith("BREACH line ")
    if rc != 1 or listed != 1000 or "more breaches not listed: the first 1000 found are" not in text:
        fail(f"verify of a ledger edited on every line: exit {rc}, {listed} lines listed: {text[-400:]}")
    found = int(text.rsplit(" anchors checked, ", 1)[1].split()[0])
    if found < lines:
        fail(f"verify counted {found} breaches on a ledger of {lines} edited lines")
    return peaks


def main():
    patsub, src = sys.argv[1], sys.argv[2]
    if "--sanitized" in sys.argv[3:] or os.environ.get("PATSUB_TEST_SANITIZED"):
        print("SKIPPED: a sanitizer build's allocator holds freed memory, so peak RSS says nothing of what a "
              "command holds (the Release suite checks it)")
        sys.exit(77)
    results = {}
    for lines in (SMALL, LARGE):
        work = tempfile.mkdtemp(prefix=f"patsub-command-memory-{lines}-")
        try:
            results[lines] = measure(patsub, src, work, lines)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    grown = []
    print(f"{'command':<16} {SMALL:>8} {LARGE:>8}  (peak RSS MB at each batch size)")
    for name, small in results[SMALL].items():
        large = results[LARGE][name]
        print(f"{name:<16} {small:8.1f} {large:8.1f}")
        if large - small > GROWTH_MB:
            grown.append(f"{name} grew by {large - small:.1f} MB from {SMALL} to {LARGE} lines")
    if grown:
        fail("; ".join(grown) + f" (bound {GROWTH_MB} MB): a command holds the batch in memory again")
    print("command_memory: ok")


if __name__ == "__main__":
    main()
