#!/usr/bin/env bash
# `patsub check --format table` over the sample grants: one aligned line per document
# (Chinese names included), the same documents as the default JSON lines, refused and
# skipped documents on stderr only; zip members are named archive.zip!member.
set -euo pipefail
patsub=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

grants=("$src"/samples/inbox/grants/*)
"$patsub" check --format table "${grants[@]}" > "$work/table.txt" 2> "$work/table.err" || fail "check --format table exited $?"
"$patsub" check "${grants[@]}" > "$work/json.txt" 2> /dev/null || fail "check (json) exited $?"

head -1 "$work/table.txt" | grep -q '^id  *office  *kind  *date  *grant  *type  *jurisdiction  *application  *first patentee  *source$' \
    || fail "header: $(head -1 "$work/table.txt")"
# JSON stays the default: every stdout line of a plain check is an object.
grep -qv '^{' "$work/json.txt" && fail "default output is not JSON lines"
[ "$(($(wc -l < "$work/table.txt") - 1))" = "$(wc -l < "$work/json.txt")" ] || fail "table and JSON disagree on the number of documents"

# The cells of a row, split on the two-space column gaps (names hold single spaces).
row() { grep "^$1 " "$work/table.txt" | sed 's/   */\t/g'; }
cell() { row "$1" | cut -f"$2"; }
[ "$(cell US11553104B2 2)" = US ] || fail "office: $(row US11553104B2)"
[ "$(cell US11553104B2 3)" = B2 ] || fail "kind: $(row US11553104B2)"
[ "$(cell US11553104B2 4)" = 2023-01-10 ] || fail "date: $(row US11553104B2)"
[ "$(cell US11553104B2 5)" = yes ] || fail "grant: $(row US11553104B2)"
[ "$(cell US11553104B2 6)" = invention ] || fail "type: $(row US11553104B2)"
[ "$(cell US11553104B2 7)" = A ] || fail "jurisdiction: $(row US11553104B2)"
[ "$(cell US11553104B2 8)" = 17412345 ] || fail "application: $(row US11553104B2)"
[ "$(cell US11553104B2 9)" = "Kunming Dianchi Intelligent Equipment Co., Ltd." ] || fail "patentee: $(row US11553104B2)"
[ "$(cell US11553104B2 10)" = "$src/samples/inbox/grants/ipg230110.xml:1:3" ] || fail "source: $(row US11553104B2)"
[ "$(cell USD976543S1 10)" = "$src/samples/inbox/grants/ipg230110.xml:2:180" ] || fail "second document: $(row USD976543S1)"
[ "$(cell CN115061872A 5)" = no ] || fail "application publication shown as a grant: $(row CN115061872A)"
[ "$(cell CN215634829U 8)" = 202120873416.X ] || fail "CN application number: $(row CN215634829U)"
[ "$(cell CN215634829U 9)" = 昆明春城新材料有限公司 ] || fail "Chinese patentee: $(row CN215634829U)"
[ "$(cell CN307812345S 6)" = design ] || fail "design: $(row CN307812345S)"

# Aligned for a terminal: every row's source column starts at the same display column,
# with Chinese characters counted two columns wide.
python3 - "$work/table.txt" <<'PY' || fail "columns are not aligned"
import sys, unicodedata
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
starts = {width(l[:l.rindex("  ") + 2]) for l in lines}
sys.exit(0 if len(starts) == 1 else f"source column starts at display columns {sorted(starts)}")
PY

# Refused and skipped documents: stderr only, never a table row.
head -c 1500 "$src/samples/inbox/grants/CN115061872A.xml" > "$work/truncated.xml"
python3 - "$work/delivery.zip" "$src/samples/inbox/grants" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("2023/", "")
    z.write(sys.argv[2] + "/CN215634829U.xml", "2023/CN215634829U.xml")
PY
set +e
"$patsub" check --format table "$work/truncated.xml" "$work/delivery.zip" > "$work/mixed.txt" 2> "$work/mixed.err"
rc=$?
set -e
[ $rc = 1 ] || fail "a refused document must exit 1, got $rc"
grep -q "truncated.xml: document 1 (line [0-9]*, column [0-9]*): refused: " "$work/mixed.err" || fail "refusal not on stderr: $(cat "$work/mixed.err")"
grep -q "delivery.zip!2023/: document 1 (line 0): skipped: directory" "$work/mixed.err" || fail "skipped zip directory: $(cat "$work/mixed.err")"
grep -q "truncated" "$work/mixed.txt" && fail "a refused document reached the table"
[ "$(wc -l < "$work/mixed.txt")" = 2 ] || fail "expected the header and one row: $(cat "$work/mixed.txt")"
grep -q "^CN215634829U .*delivery.zip!2023/CN215634829U.xml:1:3$" "$work/mixed.txt" || fail "zip member source: $(cat "$work/mixed.txt")"
echo "e2e check table: ok"
