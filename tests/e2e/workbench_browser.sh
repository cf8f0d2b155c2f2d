#!/usr/bin/env bash
# The workbench (`patsub serve`) in a real browser (issue 13 point 7): Debian's chromium
# driven by puppeteer-core (tests/browser/workbench_flow.js) through the whole flow — the
# reviewer logs in, finds a line by its ZL number, holds it with a reason, marks the batch
# reviewed and publishes the notice; the approve button is missing for them, the page says
# why and a forged POST is refused; after the notice period (PATSUB_NOW moved on, server
# restarted) a second person approves in another browser context and downloads the
# treasury CSV and xlsx, byte for byte the files in OUT and their .sha256.
#
# Setup: puppeteer-core, pinned by tests/browser/package-lock.json, is installed with
# `npm ci` into a cache outside the repo (${XDG_CACHE_HOME:-~/.cache}/patsub-browser-test/
# <lock hash>) and reused while the lock file is unchanged. Without chromium, node >= 18,
# npm or the network (first run only) the test prints SKIPPED and exits 77.
# Screenshots at 1366x768 of each step go to ARTIFACTS/workbench-browser/.
set -euo pipefail
patsub=$1 src=$2 artifacts=$3/workbench-browser
skip() { echo "SKIPPED: $*"; exit 77; }
chromium=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chromium" ] || skip "chromium is not installed (apt-get install chromium)"
command -v node > /dev/null || skip "node is not installed (apt-get install nodejs)"
node -e 'process.exit(+process.versions.node.split(".")[0] >= 18 ? 0 : 1)' || skip "node $(node --version) is older than 18 (puppeteer-core's engines)"

# puppeteer-core into the cache, once per lock file.
lock=$src/tests/browser/package-lock.json
cache=${XDG_CACHE_HOME:-$HOME/.cache}/patsub-browser-test/$(sha256sum "$lock" | cut -c1-16)
mkdir -p "$(dirname "$cache")"
exec 9> "$cache.lock"
flock 9  # two builds' suites (Release, ASan) may install at once
if [ ! -f "$cache/installed" ]; then
    command -v npm > /dev/null || skip "npm is not installed (apt-get install npm) and puppeteer-core is not cached in $cache"
    mkdir -p "$cache"
    cp "$src/tests/browser/package.json" "$lock" "$cache/"
    if ! (cd "$cache" && timeout 300 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error > npm.log 2>&1); then
        tail -5 "$cache/npm.log"
        rm -rf "$cache/node_modules"
        skip "npm ci of puppeteer-core failed (no network?); see above"
    fi
    touch "$cache/installed"
fi
exec 9>&-

work=$(mktemp -d)
server_pid= flow_pid=
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2> /dev/null || true; fi
    if [ -n "$flow_pid" ]; then kill "$flow_pid" 2> /dev/null || true; fi
    wait 2> /dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; [ -f "$work/serve.log" ] && tail -5 "$work/serve.log"; exit 1; }
db=$work/ledger.sqlite
q() { sqlite3 "$db" "$1"; }
export PATSUB_TEST_FAST_HASH=1  # test-only: libsodium's minimum argon2id cost

"$patsub" init --db "$db" > /dev/null || fail "init exited $?"
PATSUB_NOW=2026-11-02T01:00:00Z "$patsub" run --db "$db" --inbox "$src/samples/inbox" --out "$work/out" --as-of 2026-01-05 > /dev/null \
    || fail "run exited $?"
echo "pass-shen-123" | "$patsub" user add shen --role reviewer --db "$db" > /dev/null || fail "user add shen"
echo "pass-wang-123" | "$patsub" user add wang --role approver --db "$db" > /dev/null || fail "user add wang"
# The line the reviewer looks for: CN113061234B, application 202110358642.9.
zl=ZL202110358642.9
line=$(q "select line_id from ledger_lines where batch_id=1 and status='payable' and grant_id='CN113061234B'")
[ -n "$line" ] || fail "the sample batch has no payable line for CN113061234B"

. "$src/tests/e2e/serve_session.sh"
start_server 2026-11-02T02:00:00Z  # a Monday in Kunming, in a year the shipped holiday list covers

# The browser script runs in two phases and waits on stdin between them: it prints
# "PHASE reviewer done", the server restarts after the period, then it goes on.
mkdir -p "$artifacts" "$work/downloads"
rm -f "$artifacts"/*.png
coproc flow { EARN_FILE=$src/samples/inbox/grants/ipg230110.xml NODE_PATH=$cache/node_modules exec node "$src/tests/browser/workbench_flow.js" \
    "$chromium" "$base" "$zl" "$line" "$artifacts" "$work/downloads" 2>&1; }
flow_pid=$flow_PID
phase_one=
while IFS= read -r out <&"${flow[0]}"; do
    echo "$out"
    if [ "$out" = "PHASE reviewer done" ]; then phase_one=ok; break; fi
done
[ -n "$phase_one" ] || { wait "$flow_pid" || true; fail "the reviewer's part did not finish"; }
[ "$(q "select count(*) from staff_holds where line_id=$line")" = 1 ] || fail "the hold is not in the ledger"
[ "$(q "select count(*) from approvals")" = 0 ] || fail "an approval was written before the period ended"
[ -s "$work/out/notice-1.html" ] || fail "publish wrote no notice"
start_server 2026-11-18T02:00:00Z  # the five working days of the notice are over
echo go >&"${flow[1]}"
while IFS= read -r out <&"${flow[0]}"; do echo "$out"; done
wait "$flow_pid" || fail "the browser flow failed"

[ "$(q "select approved_by from approvals where batch_id=1")" = wang ] || fail "the approval is not recorded for wang"
for f in treasury-1.csv treasury-1.xlsx; do
    [ -s "$work/out/$f" ] || fail "approve wrote no $f"
    cmp -s "$work/downloads/$f" "$work/out/$f" || fail "the downloaded $f differs from OUT/$f"
    grep -q "^[0-9a-f]\{64\}  $f\$" "$work/out/$f.sha256" || fail "OUT/$f.sha256 names no sum for $f"
    (cd "$work/downloads" && grep -v '^#' "$work/out/$f.sha256" | sha256sum -c --strict --quiet -) \
        || fail "the downloaded $f does not match $f.sha256"
done
q "select note from chain_events where kind='download'" | grep -q '^wang (approver, workbench, 127.0.0.1): downloaded treasury-1.xlsx' \
    || fail "the downloads are not in the chain"
"$patsub" verify --db "$db" > "$work/verify.txt" || fail "verify after the browser flow: $(grep BREACH "$work/verify.txt")"
echo "screenshots:"; ls "$artifacts"/*.png | sed 's/^/  /'
echo "e2e workbench browser: ok"
