#!/usr/bin/env bash
# Issue 18 point 5 under SIGKILL: a run killed at 40 moments spread over its whole
# length (reading, deciding, committing, anchoring, writing its outputs). After each
# kill the next run must leave every committed batch's folder whole (sha256sum -c of its
# outputs.sha256, no temporary left), the ledger verified, and nothing paid twice.
# Under the sanitizers (PATSUB_TEST_SANITIZED=1, `make test-sanitize`): 10 moments over
# the same span.
set -euo pipefail
patsub=$1 src=$2
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
db=$work/ledger.sqlite out=$work/out
cp -r "$src/samples/inbox" "$work/inbox"
"$patsub" init --db "$db" > /dev/null
run() { "$patsub" run --db "$db" --inbox "$work/inbox" --out "$out" --as-of 2026-01-05; }

# Each later run gets a new file (the same grant sent again, so nothing more is paid):
# a run with nothing new makes no batch and writes no output (issue 16 point 4).
something_new() { { cat "$src/samples/inbox/grants/CN111398765B.xml"; echo "<!-- $1 -->"; } > "$work/inbox/grants/again-$1.xml"; }
# How long one run takes here (the first one takes the files; later ones a batch of one
# file that still writes every output).
run > /dev/null || fail "first run exited $?"
# The fastest of three runs: on a loaded machine a slow one would spread the kills past
# the end of most runs.
took_us=0
for t in 1 2 3; do
    something_new "timing-$t"
    start=$(date +%s%N); run > /dev/null || fail "timing run exited $?"; us=$(( ($(date +%s%N) - start) / 1000 ))
    if [ "$took_us" = 0 ] || [ "$us" -lt "$took_us" ]; then took_us=$us; fi
done
kills=40
if [ -n "${PATSUB_TEST_SANITIZED:-}" ]; then kills=10; echo "sanitized build: $kills kill moments"; fi
killed=0
for i in $(seq 1 "$kills"); do
    delay_us=$(( took_us * i * 90 / (kills * 100) ))
    something_new "kill-$i"
    "$patsub" run --db "$db" --inbox "$work/inbox" --out "$out" --as-of 2026-01-05 > /dev/null 2>&1 &
    pid=$!
    sleep "$(printf '%d.%06d' $((delay_us / 1000000)) $((delay_us % 1000000)))"
    if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
    wait "$pid" 2>/dev/null || true
    run > /dev/null 2>&1 || fail "run after kill $i (at ${delay_us} us) exited $?"
    for dir in "$out"/batch-*; do
        (cd "$dir" && sha256sum -c --quiet outputs.sha256 > /dev/null 2>&1) || fail "after kill $i: $dir is not whole"
        ls "$dir" | grep -q partial && fail "after kill $i: a temporary is left in $dir"
    done
    [ "$(ls -d "$out"/batch-* | wc -l)" = "$(sqlite3 "$db" "select count(*) from batches")" ] \
        || fail "after kill $i: a committed batch has no folder"
done
"$patsub" verify --db "$db" > /dev/null || fail "verify after the kills: $("$patsub" verify --db "$db" | tail -3)"
[ "$(sqlite3 "$db" "select count(*) from ledger_lines where status='payable'")" = 7 ] || fail "a line was paid twice"
[ "$killed" -ge $((kills * 2 / 5)) ] || fail "only $killed of $kills kills landed while the run was alive"
echo "outputs under kills: $killed of $kills kills landed mid-run; every batch folder whole after the next run"
