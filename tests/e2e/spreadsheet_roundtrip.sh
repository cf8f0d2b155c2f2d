#!/usr/bin/env bash
# Every file approve and run leave for people, opened in LibreOffice (soffice --headless)
# and Gnumeric (ssconvert) and saved back as CSV: 19-digit accounts and credit codes with
# leading zeros come back whole, amounts exact, clause 8.10 stays 第8.10条, Chinese intact,
# and names shaped like formulas (=HYPERLINK(...), U+3000 then =1+1) come back as the text
# they were, never evaluated. Issue 12 point 6, issue 16 point 5.
set -euo pipefail
patsub=$1 src=$2
for tool in soffice ssconvert; do
    if ! command -v "$tool" > /dev/null; then
        echo "SKIPPED: $tool is missing (Debian libreoffice-calc-nogui, gnumeric; .ci/run installs them)"
        exit 77
    fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# The samples, paid to payees whose names look like formulas, whose accounts have 19
# digits with leading and inner zeros, whose credit codes start with zeros; one pilot
# enterprise earns clause 8.10.
cp -r "$src/samples/inbox" "$work/inbox"
cat > "$work/inbox/payees/registry-2023-01.csv" <<'CSV'
uscc,name,aliases,district,bank_name,bank_account
00530102MA6PDC0126,"=HYPERLINK(""http://x"",""y"")","昆明滇池智能装备有限公司|Kunming Dianchi Intelligent Equipment Co., Ltd.",530102,滇池样例银行昆明五华支行（虚构）,0530100990000000101
00530111MA6KQ0P07C,　=1+1,"云南高原光电科技有限公司|Yunnan Plateau Optoelectronics Technology Co., Ltd.",530111,"@滇池样例银行, 官渡支行",6222000000000000019
01530114MA6PCX014Q,昆明春城新材料有限公司,,530114,滇池样例银行昆明呈贡支行（虚构）,0000530100990000303
CSV
printf 'uscc,name,recognition,year\n01530114MA6PCX014Q,昆明春城新材料有限公司,pilot,2025\n' > "$work/inbox/enterprises/recognitions-2025.csv"
# Names read from grant XML reach ledger.csv too (a held line shows the printed name):
# three utility models of unregistered patentees whose names hide a formula behind NBSP,
# ZWSP and U+FEFF (issue 16 point 5).
python3 - "$src/samples/inbox/grants/CN215634829U.xml" "$work/inbox/grants" <<'PY'
import sys
src, dest = sys.argv[1:]
text = open(src, encoding="utf-8-sig").read()
def check(digits):  # CNIPA's check character: weights 2..9,2..5, mod 11, 10 -> X
    s = sum(int(d) * w for d, w in zip(digits, [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5])) % 11
    return "X" if s == 10 else str(s)
for i, name in enumerate(["\u00a0=2+3", "\u200b=4+5", "\ufeff@SUM(1)"], start=1):
    app = f"2021208734{20 + i}"
    doc = (text.replace("<doc-number>215634829</doc-number>", f"<doc-number>21563480{i}</doc-number>")
               .replace("202120873416.X", f"{app}.{check(app)}")
               .replace("<name>昆明春城新材料有限公司</name>", f"<name>{name}</name>"))
    open(f"{dest}/CN21563480{i}U.xml", "w", encoding="utf-8").write(doc)
PY

db=$work/ledger.sqlite out=$work/out
"$patsub" init --db "$db" > /dev/null || fail "init exited $?"
"$patsub" run --db "$db" --inbox "$work/inbox" --out "$out" --as-of 2026-01-05 > "$work/run.txt" || fail "run exited $?: $(cat "$work/run.txt")"
# The notice precedes approval (reading 19); its period is over on the real clock.
PATSUB_NOW=2026-01-05T02:00:00Z "$patsub" notice publish 1 --db "$db" --out "$out" --objection-channel "=信函" \
    --contacts "+86 0871" --holidays "$src/samples/config/holidays-cn.txt" > /dev/null || fail "publish exited $?"
"$patsub" approve --db "$db" --batch 1 --by 张三 --out "$out" > "$work/approve1.txt" || fail "approve exited $?"
"$patsub" summary --db "$db" --from 2026-01-01 --to 2026-12-31 --format csv --out "$work/summary.csv" || fail "summary"
[ -f "$out/treasury-1.xlsx" ] && [ -f "$out/treasury-1.xlsx.sha256" ] || fail "no treasury-1.xlsx beside the CSV"
(cd "$out" && sha256sum -c --quiet treasury-1.xlsx.sha256) || fail "sha256sum -c treasury-1.xlsx.sha256"

# Approving again changes nothing, the workbook included.
cp "$out/treasury-1.xlsx" "$work/first.xlsx"
sleep 1
"$patsub" approve --db "$db" --batch 1 --by 李四 --out "$out" > "$work/approve2.txt" || fail "second approve exited $?"
grep -q "^wrote" "$work/approve2.txt" && fail "second approve wrote files: $(cat "$work/approve2.txt")"
cmp -s "$out/treasury-1.xlsx" "$work/first.xlsx" || fail "treasury-1.xlsx changed on the second approval"
rm "$out/treasury-1.xlsx"
"$patsub" approve --db "$db" --batch 1 --by 李四 --out "$out" > /dev/null || fail "third approve exited $?"
cmp -s "$out/treasury-1.xlsx" "$work/first.xlsx" || fail "treasury-1.xlsx restored with other bytes"

files="$out/treasury-1.xlsx $out/treasury-1.csv $out/batch-1/ledger.csv $out/notice-1.csv $work/summary.csv"
mkdir -p "$work/lo" "$work/gn" "$work/in"
for f in $files; do cp "$f" "$work/in/"; done

# LibreOffice, with a profile of its own (tests run in parallel) and a time limit. CSVs
# are read as UTF-8 with standard column types (what a person double-clicking gets, but
# for the encoding, which soffice would otherwise guess as Latin-1); the treasury CSV,
# the machine file, as its import is documented: credit code and account as text.
soffice_to_csv() {  # infilter-or-empty file...
    local infilter=$1
    shift
    timeout 180 soffice -env:UserInstallation="file://$work/lo-profile" --headless --norestore \
        ${infilter:+--infilter="$infilter"} \
        --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir "$work/lo" "$@" > "$work/lo.log" 2>&1 \
        || fail "soffice exited $?: $(cat "$work/lo.log")"
}
# Each output lands as <input>.csv: soffice names it after the input without its suffix.
soffice_to_csv "" "$work/in/treasury-1.xlsx"
mv "$work/lo/treasury-1.csv" "$work/lo/treasury-1.xlsx.csv"
soffice_to_csv "CSV:44,34,76,1,1/1/2/2/3/1/4/1/5/2/6/1/7/1" "$work/in/treasury-1.csv"
mv "$work/lo/treasury-1.csv" "$work/lo/treasury-1.csv.csv"
soffice_to_csv "CSV:44,34,76,1" "$work/in/ledger.csv" "$work/in/notice-1.csv" "$work/in/summary.csv"
for f in ledger notice-1 summary; do mv "$work/lo/$f.csv" "$work/lo/$f.csv.csv"; done

# Gnumeric: no import options for CSV; what it guesses is what a person gets. Saved as
# shown (format=preserve), like LibreOffice's export.
for f in treasury-1.xlsx treasury-1.csv ledger.csv notice-1.csv summary.csv; do
    timeout 120 ssconvert --export-type=Gnumeric_stf:stf_assistant -O 'separator=, format=preserve' "$work/in/$f" "$work/gn/$f.csv" > "$work/gn.log" 2>&1 \
        || fail "ssconvert $f: $(cat "$work/gn.log")"
done

python3 "$src/tests/e2e/spreadsheet_cells.py" "$db" "$work/in" "$work/lo" "$work/gn" || fail "cells changed in a spreadsheet"
echo "e2e spreadsheet round trip: ok"
