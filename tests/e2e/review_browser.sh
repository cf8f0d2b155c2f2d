#!/usr/bin/env bash
# The review page in a real browser (Debian's chromium, headless, driven over the
# DevTools pipe by tests/browser/review_check.js): built from samples/ plus a payee and
# a grant with hostile names, the short summary (issue 13: every line and its reasoning,
# with the hostile title, live in the workbench) must render without console errors, and
# no injected script may run. Skipped (exit 77) when chromium or node is absent; installs
# nothing. Keeps ARTIFACTS/review.png.
set -euo pipefail
patsub=$1 src=$2 artifacts=$3
chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then echo "SKIPPED: chromium is not installed (apt-get install chromium)"; exit 77; fi
if ! command -v node > /dev/null; then echo "SKIPPED: node is not installed"; exit 77; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cp -r "$src/samples/inbox" "$work/inbox"
# A later registry snapshot renames a registered payee with markup; the alias keeps the
# grants' printed names matching it. (The account must be digits: a registry row with
# anything else is refused whole, so the markup rides in the bank's name.)
cat > "$work/inbox/payees/registry-2099-hostile.csv" <<'CSV'
uscc,name,aliases,district,bank_name,bank_account
91530111MA6PGY027L,<script>window.__pwned=1</script>,"云南高原光电科技有限公司|Yunnan Plateau Optoelectronics Technology Co., Ltd.",530111,"""onmouseover=""window.__pwned=2<img src=x onerror=window.__pwned=3>",530100990000000202
CSV
# A grant title that tries to close the page's JSON <script> element.
python3 - "$work/inbox/grants/CN102021000358642CN00001130612340BFULZH20230317CN00K.XML" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
old = "一种高原环境自适应巡检机器人（样例数据）"
assert old in s
s = s.replace(old, "&lt;/script&gt;&lt;script&gt;window.__pwned=4&lt;/script&gt;&lt;!-- " + old, 1)
open(p, "w", encoding="utf-8").write(s)
PY

"$patsub" init --db "$work/ledger.sqlite" > /dev/null || fail "init exited $?"
"$patsub" run --db "$work/ledger.sqlite" --inbox "$work/inbox" --out "$work/out" --as-of 2026-01-05 > "$work/run.txt" \
    || fail "run exited $?: $(cat "$work/run.txt")"
page="$work/out/batch-1/review.html"
[ -f "$page" ] || fail "run wrote no review page"
grep -q '&lt;script&gt;window.__pwned=1&lt;/script&gt;' "$page" || fail "hostile payee name not escaped in the page"
grep -q '<script>window.__pwned' "$page" && fail "raw hostile markup in the page"
grep -q 'window.__pwned=4' "$page" && fail "the reasoning (a hostile title) is on the summary page"
[ "$(stat -c %s "$page")" -lt 204800 ] || fail "the summary page is $(stat -c %s "$page") bytes"

mkdir -p "$artifacts"
node "$src/tests/browser/review_check.js" "$chromium" "$page" "$artifacts/review.png" \
    '<script>window.__pwned=1</script>' '"onmouseover="window.__pwned=2' '<img src=x onerror=window.__pwned=3>' \
    || fail "browser check"
[ -s "$artifacts/review.png" ] || fail "no screenshot"
echo "e2e review browser: ok"
