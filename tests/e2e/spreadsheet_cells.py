#!/usr/bin/env python3
"""Compares the files patsub wrote for people with what LibreOffice and Gnumeric saved
back as CSV after opening them (tests/e2e/spreadsheet_roundtrip.sh). The ledger is the
truth for the treasury rows; the written files are the truth for every other cell.
Arguments: LEDGER ORIGINALS_DIR LIBREOFFICE_DIR GNUMERIC_DIR."""
import csv
import re
import sqlite3
import sys
from decimal import Decimal
from pathlib import Path

db, orig_dir, lo_dir, gn_dir = sys.argv[1:]
tools = {"LibreOffice": Path(lo_dir), "Gnumeric": Path(gn_dir)}
failures = []


def fail(msg):
    failures.append(msg)


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return [row for row in csv.reader(f)]


def cell(table, r, c):
    return table[r][c] if r < len(table) and c < len(table[r]) else ""


def yuan(fen):
    return f"{'-' if fen < 0 else ''}{abs(fen) // 100}.{abs(fen) % 100:02d}"


NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
# What the formula guard (src/export/formula_guard.h) puts a quote in front of, roughly:
# = + - @ after leading blanks and invisible characters.
FORMULA = re.compile(r"^[\s\u00a0\u3000\u200b\ufeff\u2060]*[=+\-@\t\r]")


def same_cell(orig, back):
    """True when a spreadsheet kept the cell's meaning: numbers equal, text identical; a
    guarded cell ('=...) comes back as its text, with the quote (LibreOffice) or without
    (Gnumeric takes the quote as the text prefix it is), never as a formula's value."""
    if NUMBER.fullmatch(orig):
        return NUMBER.fullmatch(back) is not None and Decimal(back) == Decimal(orig)
    if orig.startswith("'") and FORMULA.match(orig[1:]):
        return back in (orig, orig[1:])
    return back == orig


def compare(name, tool, orig, back, skip_columns=()):
    rows = max(len(orig), len(back))
    for r in range(rows):
        for c in range(max(len(orig[r]) if r < len(orig) else 0, len(back[r]) if r < len(back) else 0)):
            if c in skip_columns:
                continue
            o, b = cell(orig, r, c), cell(back, r, c)
            if not same_cell(o, b):
                fail(f"{tool}, {name} row {r + 1} column {c + 1}: wrote {o!r}, the spreadsheet gave {b!r}")


con = sqlite3.connect(db)
truth = con.execute("SELECT payee_uscc, payee_name, bank_name, bank_account, amount_fen, lines "
                    "FROM treasury_rows WHERE batch_id = 1 ORDER BY seq").fetchall()
# The fixture must hold what the issue is about, or the test proves nothing.
accounts = [t[3] for t in truth]
codes = [t[0] for t in truth]
if not any(len(a) == 19 and a.startswith("0") for a in accounts):
    fail(f"fixture: no 19-digit account starting with 0 among {accounts}")
if not any(c.startswith("00") and re.search("[A-Z]", c) for c in codes):
    fail(f"fixture: no credit code with leading zeros and letters among {codes}")
total_fen = sum(t[4] for t in truth)
total_lines = sum(t[5] for t in truth)

# The workbook, against the ledger.
headers = ["批次 / batch_id", "收款单位统一社会信用代码 / payee_uscc", "收款单位 / payee_name", "开户银行 / bank_name",
           "银行账号 / bank_account", "金额（元） / amount_yuan", "笔数 / lines"]
for tool, d in tools.items():
    t = read(d / "treasury-1.xlsx.csv")
    if t[0][:7] != headers:
        fail(f"{tool}, treasury-1.xlsx header: {t[0][:7]}")
    for i, (uscc, name, bank, account, fen, lines) in enumerate(truth, start=1):
        got = [cell(t, i, c) for c in range(7)]
        want = ["1", uscc, name, bank, account, yuan(fen), str(lines)]
        if got != want:
            fail(f"{tool}, treasury-1.xlsx row {i + 1}: {got}, the ledger holds {want}")
    amounts = [cell(t, r, 5) for r in range(1, len(t)) if cell(t, r, 5) != ""]
    column_sum = sum(Decimal(a) for a in amounts)
    control = cell(t, 2, 9)
    if column_sum != Decimal(total_fen) / 100 or control != yuan(total_fen):
        fail(f"{tool}, treasury-1.xlsx: SUM of the amount column {column_sum}, control total {control!r}, "
             f"ledger {yuan(total_fen)}")
    if (cell(t, 1, 9), cell(t, 3, 9)) != (str(len(truth)), str(total_lines)):
        fail(f"{tool}, treasury-1.xlsx control rows: {cell(t, 1, 9)} payees, {cell(t, 3, 9)} lines")
    if "合计金额" not in cell(t, 2, 8):
        fail(f"{tool}, treasury-1.xlsx: control total unlabelled: {cell(t, 2, 8)!r}")

# The treasury CSV: its cells are the ledger's; LibreOffice told to read code and account
# as text keeps them; Gnumeric cannot be told, and makes numbers of all-digit accounts
# (that is what the workbook is for), so their column is not compared there.
csv_file = read(Path(orig_dir) / "treasury-1.csv")
for i, (uscc, name, bank, account, fen, lines) in enumerate(truth, start=1):
    if (csv_file[i][1], csv_file[i][4], csv_file[i][5]) != (uscc, account, yuan(fen)):
        fail(f"treasury-1.csv row {i + 1}: {csv_file[i]}")
compare("treasury-1.csv", "LibreOffice", csv_file, read(tools["LibreOffice"] / "treasury-1.csv.csv"))
compare("treasury-1.csv", "Gnumeric", csv_file, read(tools["Gnumeric"] / "treasury-1.csv.csv"), skip_columns={4})

# The CSVs opened as they are.
for name in ["ledger.csv", "notice-1.csv", "summary.csv"]:
    orig = read(Path(orig_dir) / name)
    flat = [c for row in orig for c in row]
    for needed in ["第8.10条"] + (["2026年01月"] if name == "summary.csv" else ["昆明春城新材料有限公司"]):
        if needed not in flat:
            fail(f"fixture: {name} has no cell {needed!r}")
    for tool, d in tools.items():
        back = read(d / (name + ".csv"))
        compare(name, tool, orig, back)
        if "第8.10条" not in [c for row in back for c in row]:  # compare() takes 8.1 for 8.10: both numbers
            fail(f"{tool}, {name}: clause 8.10 did not stay 第8.10条")
        if name != "summary.csv":
            names = [c.lstrip("'") for row in back for c in row]
            for formula_name in ['=HYPERLINK("http://x","y")', "\u3000=1+1"]:
                if formula_name not in names:
                    fail(f"{tool}, {name}: {formula_name!r} did not come back as text")
        if name == "ledger.csv":  # printed names from grant XML (held: not registered)
            for formula_name in ["\u00a0=2+3", "\u200b=4+5", "\ufeff@SUM(1)"]:
                if "'" + formula_name not in flat:
                    fail(f"fixture: ledger.csv has no cell {formula_name!r} behind the guard's quote")
                if formula_name not in names:
                    fail(f"{tool}, {name}: {formula_name!r} did not come back as text")

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
