#!/usr/bin/env bash
# `patsub explain`: the same grant found by every written form of its identifier, with
# its facts, source file, family, lines and the checks behind the latest line.
set -uo pipefail
patsub=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$work/inbox/grants" "$work/inbox/payees"
cp "$src"/samples/inbox/grants/ipg230110.xml "$src"/samples/inbox/grants/CN102021000358642CN*.XML \
   "$src"/samples/inbox/grants/CN215634829U.xml "$work/inbox/grants/"
cp "$src"/samples/inbox/payees/registry-2023-01.csv "$work/inbox/payees/"
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

"$patsub" explain --db "$work/l.sqlite" US99999999B2 > /dev/null 2>&1; rc=$?
[ $rc = 2 ] || fail "unknown id: exit $rc, expected 2"
echo "explain: ok"
