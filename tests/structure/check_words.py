#!/usr/bin/env python3
"""Every check the rules record has its words in the workbench's catalog.

A line's reasoning lists its checks by name (src/decide); the workbench shows each in
Chinese from src/serve/messages.cpp (`check.<name>`), and falls back to the English name
when the catalog lacks it, which staff should never see. A new check without its words
fails here, naming the file and line that records it."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
RECORDED = re.compile(r'(?:\bcheck\(|push_back\(\{)"([^"]+)"\s*,')
catalog = (root / "src/serve/messages.cpp").read_text(encoding="utf-8")

found = {}
for folder in ("src/decide", "src/batch", "src/ledger"):
    for path in sorted((root / folder).rglob("*.cpp")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for name in RECORDED.findall(line):
                found.setdefault(name, f"{path.relative_to(root)}:{n}")

# The pattern must find what it is for, or the test proves nothing.
for must in ("is a grant", "Kunming payee", "recognition"):
    if must not in found:
        sys.exit(f"FAIL: the pattern no longer finds the check '{must}': update check_words.py")

missing = [(name, where) for name, where in sorted(found.items()) if f'{{"check.{name}", {{' not in catalog]
for name, where in missing:
    print(f"FAIL: {where}: check '{name}' has no words in src/serve/messages.cpp (add \"check.{name}\")")
print(f"{len(found)} checks, {len(missing)} without words")
sys.exit(1 if missing else 0)
