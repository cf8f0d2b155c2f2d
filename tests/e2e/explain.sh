#!/usr/bin/env bash
# `patsub explain`: the same grant found by every written form of its identifier, with
# its facts, source file, family, lines and the checks behind the latest line.
set -uo pipefail
patsub=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
init_db() { "$patsub" init --db "$1" > /dev/null || fail "init --db $1 exited $?"; }

mkdir -p "$work/inbox/grants" "$work/inbox/payees"
cp "$src"/samples/inbox/grants/ipg230110.xml "$src"/samples/inbox/grants/CN102021000358642CN*.XML \
   "$src"/samples/inbox/grants/CN215634829U.xml "$work/inbox/grants/"
cp "$src"/samples/inbox/payees/registry-2023-01.csv "$work/inbox/payees/"
init_db "$work/l.sqlite"
"$patsub" run --db "$work/l.sqlite" --inbox "$work/inbox" --out "$work/out" --as-of 2026-01-05 > /dev/null \
    || fail "run exited $?"

for id in US11553104B2 "US 11,553,104 B2" "US 11553104"; do
    "$patsub" explain --db "$work/l.sqlite" "$id" > "$work/e.txt" || fail "explain '$id' exited $?"
    grep -q "^US11553104B2 " "$work/e.txt" || fail "'$id' did not find US11553104B2"
done
grep -q "read from grants/ipg230110.xml (document 1" "$work/e.txt" || fail "no source file"
grep -q "family FAM-CN113061234B: CN113061234B, US11553104B2" "$work/e.txt" || fail "family not shown: $(cat "$work/e.txt")"
grep -q "funded under .* so far: US; slots left: 1 of 2" "$work/e.txt" || fail "cap slots not shown"
grep -q "why line .* says payable 30000.00 CNY under clause 8.1 (policy km-2019-m8)" "$work/e.txt" || fail "no reasoning header"
grep -q "\[x\] 8.5 cap: 2 of 2 slots left" "$work/e.txt" || fail "cap check missing"

# A CN application number, with or without its check digit, finds the CN grant.
for id in 202110358642.9 "2021 1 0358642.9" 202110358642 ZL202110358642.9; do
    "$patsub" explain --db "$work/l.sqlite" "$id" > "$work/cn.txt" || fail "explain '$id' exited $?"
    grep -q "^CN113061234B " "$work/cn.txt" || fail "'$id' did not find CN113061234B"
done
"$patsub" explain --db "$work/l.sqlite" 202120873416.X > "$work/held.txt" || fail "held grant"
grep -q "=> held: payee_not_registered" "$work/held.txt" || fail "held reason not explained"
grep -q "\[ \] Kunming payee" "$work/held.txt" || fail "failed check not marked"

# A grant read from a zip member is traced to the member: documents count from 1 in
# every member, so the archive's name alone would not say where it was read.
mkdir -p "$work/zipped/grants" "$work/zipped/payees"
cp "$src"/samples/inbox/payees/registry-2023-01.csv "$work/zipped/payees/"
python3 - "$src/samples/inbox/grants" "$work/zipped/grants/week.zip" <<'PY'
import sys, zipfile
grants, out = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.write(f"{grants}/ipg230110.xml", "us/ipg230110.xml")
    z.write(f"{grants}/CN215634829U.xml", "cn/CN215634829U.xml")
PY
init_db "$work/z.sqlite"
"$patsub" run --db "$work/z.sqlite" --inbox "$work/zipped" --out "$work/zout" --as-of 2026-01-05 > /dev/null \
    || fail "run over a zip exited $?"
"$patsub" explain --db "$work/z.sqlite" CN215634829U > "$work/z.txt" || fail "explain from a zip exited $?"
grep -q "read from grants/week.zip!cn/CN215634829U.xml (document 1, line" "$work/z.txt" \
    || fail "zip member not named: $(grep 'read from' "$work/z.txt")"
sqlite3 "$work/z.sqlite" "select reasoning from ledger_lines where grant_id = 'CN215634829U'" \
    | grep -q '"source":{"file":"grants/week.zip!cn/CN215634829U.xml","document":1' \
    || fail "the line's reasoning does not name the zip member"

# The clause as the measures word it, from the policy version that decided the line.
grep -q "clause 8.1 (km-2019-m8): .*发明专利.* — 30000.00 CNY" "$work/e.txt" || fail "clause text not shown: $(cat "$work/e.txt")"
grep -q "slots left: 1 of 2 (clause 8.5, policy km-2019-m8)" "$work/e.txt" || fail "cap's policy version not shown"

# An enterprise's award lines (8.9/8.10), found by credit code (any written form) or by
# name, each with the recognition row it was decided on (issue 14 point 6).
mkdir -p "$work/inbox/enterprises"
printf 'uscc,name,recognition,year\n91530102MA6PDC012R,昆明滇池智能装备有限公司,demonstration,2025\n' \
    > "$work/inbox/enterprises/recognitions-2025.csv"
"$patsub" run --db "$work/l.sqlite" --inbox "$work/inbox" --out "$work/out" --as-of 2026-01-06 > /dev/null \
    || fail "run with a recognition exited $?"
for who in 91530102MA6PDC012R "９１５３０１０２ＭＡ６ＰＤＣ０１２Ｒ" 91530102ma6pdc012r 昆明滇池智能装备有限公司; do
    "$patsub" explain --db "$work/l.sqlite" "$who" > "$work/award.txt" || fail "explain '$who' exited $?"
    grep -q "^91530102MA6PDC012R 昆明滇池智能装备有限公司: award under clause 8.9" "$work/award.txt" \
        || fail "'$who' did not find the award: $(cat "$work/award.txt")"
done
grep -q "recognised demonstration in 2025 (昆明滇池智能装备有限公司), read from enterprises/recognitions-2025.csv:2" \
    "$work/award.txt" || fail "recognition row not shown: $(cat "$work/award.txt")"
grep -q "clause 8.9 (km-2019-m8): .*示范企业.* — 100000.00 CNY" "$work/award.txt" || fail "award clause text missing"
grep -q "says payable 100000.00 CNY under clause 8.9" "$work/award.txt" || fail "award line not explained"

"$patsub" explain --db "$work/l.sqlite" US99999999B2 > /dev/null 2>&1; rc=$?
[ $rc = 2 ] || fail "unknown id: exit $rc, expected 2"
echo "explain: ok"
