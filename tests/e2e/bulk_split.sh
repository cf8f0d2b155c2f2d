#!/usr/bin/env bash
# A DOCDB bulk document read split into its records on two threads gives the same `check`
# output as read as one document on one thread (issue 17 point 5): a clean document of
# 4,000 records (10 MB: past the 8 MiB from which a document is streamed, so it is cut
# while it streams), and the same document broken in a record two thirds in (the records
# before it, then the document refused at the same line with the same message).
set -euo pipefail
patsub=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

python3 "$src/bench/generate.py" docdb --count 4000 --seed 7 --out "$work/gen" > /dev/null
bulk=$(find "$work/gen/inbox/grants" -type f | head -1)
[ "$(stat -c %s "$bulk")" -gt $((8 << 20)) ] || fail "the generated document is not large enough to be streamed"

check_both() {  # FILE NAME: check on one thread and on two, stdout and stderr kept apart
    local rc1=0 rc2=0
    PATSUB_PARSE_THREADS=1 "$patsub" check "$1" > "$work/$2.one.out" 2> "$work/$2.one.err" || rc1=$?
    PATSUB_PARSE_THREADS=2 "$patsub" check "$1" > "$work/$2.two.out" 2> "$work/$2.two.err" || rc2=$?
    [ "$rc1" = "$rc2" ] || fail "$2: exit $rc1 on one thread, $rc2 on two"
    cmp -s "$work/$2.one.out" "$work/$2.two.out" || fail "$2: check output differs: $(diff "$work/$2.one.out" "$work/$2.two.out" | head -4)"
    cmp -s "$work/$2.one.err" "$work/$2.two.err" || fail "$2: refusals differ: $(diff "$work/$2.one.err" "$work/$2.two.err" | head -4)"
}

check_both "$bulk" clean
[ "$(wc -l < "$work/clean.one.out")" = 4000 ] || fail "clean: $(wc -l < "$work/clean.one.out") records, not 4000"
[ ! -s "$work/clean.one.err" ] || fail "clean: refusals: $(head -2 "$work/clean.one.err")"

# The 2,700th record's title end tag misspelt.
python3 - "$bulk" "$work/broken.xml" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
at = -1
for _ in range(2700):
    at = data.index(b"</exch:invention-title>", at + 1)
open(sys.argv[2], "wb").write(data[:at] + b"</exch:invention-titel>" + data[at + 23:])
PY
check_both "$work/broken.xml" broken
records=$(wc -l < "$work/broken.one.out")
[ "$records" -gt 2000 ] && [ "$records" -lt 2700 ] || fail "broken: $records records before the break"
grep -q "refused: Opening and ending tag mismatch" "$work/broken.one.err" || fail "broken: $(cat "$work/broken.one.err")"
echo "bulk split: 4000 records and a broken copy read the same on one thread and on two"
