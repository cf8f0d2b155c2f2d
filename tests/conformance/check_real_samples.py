#!/usr/bin/env python3
"""Conformance: run the real `patsub check` on every real office file in
../shared/samples-real and compare what it prints with expected.csv, whose values were
read from the files by hand. Prints SKIPPED when the shared samples are absent.

expected.csv has one row per record. Multi-record documents (DOCDB bulk files, OPS and
KIPRIS responses) give the record's 1-based position in the optional trailing `record`
column (empty = 1); records are told apart by the order in which patsub prints them.
`kind` "skipped" or "refused" marks a document that must produce no record, only a line
on stderr containing `reason` (when given). Every XML file of the samples must have a row."""
import csv
import json
import subprocess
import sys
from pathlib import Path

patsub, expected_csv, samples = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
if not samples.is_dir():
    print(f"SKIPPED: real samples not found at {samples}: conformance not checked")
    sys.exit(77)  # ctest reports the test as skipped, visibly

rows = list(csv.DictReader(expected_csv.open(encoding="utf-8")))
by_file = {}
for row in rows:
    by_file.setdefault(row["file"], []).append(row)

failures, checked = [], 0

# A sample nobody wrote expectations for is a sample nobody checks.
for path in sorted(samples.rglob("*")):
    if path.is_file() and path.suffix.lower() == ".xml":
        name = path.relative_to(samples).as_posix()
        if name not in by_file:
            failures.append(f"{name}: no row in {expected_csv.name}")

for name, expected in sorted(by_file.items()):
    path = samples / name
    proc = subprocess.run([patsub, "check", str(path)], capture_output=True, text=True)
    docs = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    by_doc = {}
    for d in docs:  # in print order: the n-th object of a document is its n-th record
        by_doc.setdefault(d["source"]["document"], []).append(d)
    records_expected = {}
    for row in expected:
        if row["kind"] not in ("skipped", "refused"):
            records_expected[int(row["document"])] = records_expected.get(int(row["document"]), 0) + 1
    for index, count in records_expected.items():
        got = len(by_doc.get(index, []))
        if got != count:
            failures.append(f"{name} document {index}: {count} records expected, {got} printed")

    for row in expected:
        checked += 1
        index = int(row["document"])
        record = int(row.get("record") or 1)
        reason = row.get("reason") or ""
        where = f"{name} document {index}" + (f" record {record}" if record > 1 or len(by_doc.get(index, [])) > 1 else "")
        if row["kind"] in ("skipped", "refused"):
            word = row["kind"]
            said = [line for line in proc.stderr.splitlines() if f"document {index} " in line and f"{word}: " in line]
            if index in by_doc or not said:
                failures.append(f"{where}: expected {word}, got {by_doc.get(index)} / {proc.stderr.strip()}")
            elif reason and not any(reason in line for line in said):
                failures.append(f"{where}: {word}, but not for '{reason}': {said}")
            continue
        records = by_doc.get(index, [])
        if record > len(records):
            failures.append(f"{where}: no output (exit {proc.returncode}): {proc.stderr.strip()}")
            continue
        doc = records[record - 1]
        got = {
            "office": doc["office"], "number": doc["number"], "kind": doc["kind"], "date": doc["date"],
            "is_grant": str(doc["is_grant"]).lower(), "patent_type": doc["patent_type"],
            "application_number": doc["application_number"],
            "priorities": str(len(doc["priorities"])), "patentees": str(len(doc["patentees"])),
        }
        for key, value in got.items():
            if row[key] != value:
                failures.append(f"{where}: {key} expected {row[key]!r}, got {value!r}")

for f in failures:
    print("FAIL", f)
print(f"conformance: {checked} rows over {len(by_file)} files, {len(failures)} failures")
sys.exit(1 if failures else 0)
