#!/usr/bin/env bash
# The progress bar (src/batch/progress.h): `patsub check` and `patsub run` draw it on stderr
# when stderr is a terminal (here a pty from script(1), util-linux), and write nothing but
# their usual output when it is not (cron: a file or a pipe).
set -euo pipefail
patsub=$1 src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

if ! command -v script > /dev/null; then
    echo "SKIPPED: script(1) from util-linux is not installed: the progress bar was not checked"
    exit 77
fi
grants=$src/samples/inbox/grants/ipg230110.xml
[ -f "$grants" ] || fail "sample file $grants missing"

# What a pty received, with the carriage returns turned into line breaks.
on_pty() {
    TERM=xterm script -qec "$1" "$work/typescript" > /dev/null || fail "under a pty, '$1' exited $?"
    tr '\r' '\n' < "$work/typescript"
}
# A frame: "[###...]  45%  1.2 MB / 2.6 MB  123 docs  5.1 MB/s  ETA 0:17" (the bar itself
# is left out on narrow terminals).
frame='[0-9]+%  [0-9.]+ [kMG]B / [0-9.]+ [kMG]B  [0-9]+ docs  [0-9.]+ [kMG]B/s  ETA '

# check, stderr on a terminal, stdout elsewhere: a bar, and it is erased at the end.
on_pty "'$patsub' check '$grants' > '$work/check-pty.jsonl'" > "$work/check-pty.txt"
grep -Eq "$frame" "$work/check-pty.txt" || fail "no progress bar on a terminal: $(cat -v "$work/check-pty.txt")"
grep -q $'\x1b\[K' "$work/typescript" || fail "the bar is never erased"
[ "$(wc -l < "$work/check-pty.jsonl")" -eq 3 ] || fail "stdout changed under a pty"

# check, stderr not a terminal: nothing on stderr at all, stdout unchanged.
"$patsub" check "$grants" > "$work/check.jsonl" 2> "$work/check-stderr.txt" || fail "check exited $?"
[ ! -s "$work/check-stderr.txt" ] || fail "stderr not empty without a terminal: $(cat -v "$work/check-stderr.txt")"
cmp -s "$work/check.jsonl" "$work/check-pty.jsonl" || fail "the bar changed stdout"

# run over the sample inbox: a bar on a terminal; without one, stderr stays empty.
cp -r "$src/samples/inbox" "$work/inbox"
"$patsub" init --db "$work/pty.sqlite" > /dev/null || fail "init exited $?"
"$patsub" init --db "$work/cron.sqlite" > /dev/null || fail "init exited $?"
run="'$patsub' run --db '$work/pty.sqlite' --inbox '$work/inbox' --out '$work/out-pty' --as-of 2026-01-05"
on_pty "$run" > "$work/run-pty.txt"
grep -Eq "$frame" "$work/run-pty.txt" || fail "no progress bar in run on a terminal: $(cat -v "$work/run-pty.txt")"
grep -q "batch 1: " "$work/run-pty.txt" || fail "no summary line in run on a terminal"
"$patsub" run --db "$work/cron.sqlite" --inbox "$work/inbox" --out "$work/out" --as-of 2026-01-05 \
    > "$work/run.txt" 2> "$work/run-stderr.txt" || fail "run exited $?"
[ ! -s "$work/run-stderr.txt" ] || fail "run wrote to stderr without a terminal: $(cat -v "$work/run-stderr.txt")"
[ "$(wc -l < "$work/run.txt")" -eq 1 ] || fail "run printed more than its summary: $(cat "$work/run.txt")"
echo "ok: progress bar on a pty, silent otherwise"
