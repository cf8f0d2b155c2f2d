#!/usr/bin/env python3
"""The ledger is the one door into SQLite (issue 15 point 1).

Outside src/ledger/ no source file may reach the database handle (`.db()`), build
SQLiteCpp statements, transactions or savepoints, include SQLiteCpp's headers, or carry
SQL in a string literal. The one exception is `SQLite::Exception` in src/cli/main.cpp,
where the database's own error codes become exit codes (a damaged file exits 2).

Usage: ledger_door.py SOURCE_DIR
"""
import pathlib
import re
import sys

FORBIDDEN = [
    (re.compile(r"\.db\(\)"), "reaches the database handle"),
    (re.compile(r"SQLite::(Database|Statement|Transaction|Savepoint|Column|bind)\b"), "uses SQLiteCpp directly"),
    (re.compile(r"#include\s*<SQLiteCpp/(?!Exception\.h)"), "includes SQLiteCpp"),
    (re.compile(r'"[^"\n]*\b(SELECT\s+\S|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|'
                r'CREATE\s+(TABLE|INDEX|VIEW)|DROP\s+TABLE|SAVEPOINT\s|ROLLBACK\b|RELEASE\s+\w|PRAGMA\s)'),
     "writes SQL"),
]
ALLOWED_EXCEPTION = re.compile(r"SQLite::Exception|#include\s*<SQLiteCpp/Exception\.h>")


def findings(root: pathlib.Path):
    for folder in ("src", "parsers"):
        for path in sorted((root / folder).rglob("*")):
            if path.suffix not in (".cpp", ".h", ".in") or "src/ledger/" in path.as_posix():
                continue
            for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
                for pattern, what in FORBIDDEN:
                    if pattern.search(line) and not ALLOWED_EXCEPTION.search(line):
                        yield f"{path.relative_to(root)}:{n}: {what}: {line.strip()}"


def self_check():
    # The patterns must catch what they are for, or the test proves nothing.
    samples = ['SQLite::Statement q(ledger.db(), "SELECT a FROM b");', 'l.db().exec("SAVEPOINT x");',
               '#include <SQLiteCpp/Statement.h>', 'run("INSERT OR IGNORE INTO t VALUES (1)")']
    for s in samples:
        if not any(p.search(s) for p, _ in FORBIDDEN):
            sys.exit(f"self-check failed: {s!r} is not caught")


def main():
    self_check()
    root = pathlib.Path(sys.argv[1])
    found = list(findings(root))
    for f in found:
        print(f)
    if found:
        print(f"{len(found)} place(s) outside src/ledger/ reach into SQLite")
        return 1
    print("only src/ledger/ reaches into SQLite")
    return 0


if __name__ == "__main__":
    sys.exit(main())
