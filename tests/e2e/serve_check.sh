#!/usr/bin/env bash
# The workbench's "what would it earn" page (资助测算, issue 14 point 7) over HTTP: every
# sample grant file uploaded gets, document by document, the clause, outcome and amount
# `patsub check --policy` gives it with the ledger's latest registry on the same day; the
# ledger is not touched; refused documents are named with document, line and cause in
# Chinese; a zip is read as the nightly reads it; a hostile file name is shown inert; the
# upload is refused without the session's token before the file, over the size limit,
# and other routes keep a form's size limit (before their body is read).
set -euo pipefail
patsub=$1 src=$2
work=$(mktemp -d)
server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2> /dev/null; wait 2> /dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; [ -f "$work/serve.log" ] && tail -5 "$work/serve.log"; exit 1; }
db=$work/ledger.sqlite
q() { sqlite3 "$db" "$1"; }
export PATSUB_TEST_FAST_HASH=1  # test-only: libsodium's minimum argon2id cost
policy=$src/samples/policy/kunming-measure8.xml
today=2026-11-02

cp -r "$src/samples/inbox" "$work/inbox"
"$patsub" init --db "$db" > /dev/null || fail "init exited $?"
PATSUB_NOW=${today}T01:00:00Z "$patsub" run --db "$db" --inbox "$work/inbox" --out "$work/out" --as-of 2026-01-05 > /dev/null \
    || fail "run exited $?"
echo "pass-rev-123" | "$patsub" user add rev --role reviewer --db "$db" > /dev/null || fail "user add"
ledger_before=$(q "select count(*)||'/'||max(line_id)||'/'||(select count(*) from grants)||'/'||(select count(*) from source_files) from ledger_lines")

. "$src/tests/e2e/serve_session.sh"
start_server ${today}T02:00:00Z --policy "$policy"
login rev
curl -s -b "$work/rev.jar" "$base/check" > "$work/form.html"
token=$(python3 -c 'import re,sys; m=re.search(r"name=.csrf. value=.([0-9a-f]{64})", open(sys.argv[1]).read()); print(m.group(1) if m else "")' "$work/form.html")
[ ${#token} = 64 ] || fail "no CSRF token on the check page"
grep -q 'enctype="multipart/form-data"' "$work/form.html" || fail "the check page has no upload form"
grep -q "按政策版本 km-2019-m8，以 $today 为基准日" "$work/form.html" || fail "the page does not say the policy and day: $(grep -o 'earn-basis.*' "$work/form.html" | head -c 400)"
grep -q "按最新资助对象名录 payees/registry-2023-01.csv（2 家单位）" "$work/form.html" || fail "the page does not name the registry: $(grep -o 'earn-basis.*' "$work/form.html" | head -c 400)"

upload() {  # upload FILE [NAME] -> HTTP code, page in $work/answer.html
    curl -s -o "$work/answer.html" -w '%{http_code}' -b "$work/rev.jar" -F "csrf=$token" \
        -F "file=@$1;filename=${2:-$(basename "$1")}" "$base/check"
}

# Every sample file: the page's rows are check's answers, in document order.
for f in "$src"/samples/inbox/grants/*; do
    code=$(upload "$f")
    [ "$code" = 200 ] || fail "upload $(basename "$f") answered $code: $(grep -o 'id="error">[^<]*' "$work/answer.html")"
    "$patsub" check --policy "$policy" --payees "$src/samples/inbox/payees/registry-2023-01.csv" --as-of $today "$f" \
        > "$work/check.jsonl" 2> /dev/null || true
    python3 - "$work/answer.html" "$work/check.jsonl" "$(basename "$f")" <<'PY' || fail "the page and patsub check differ on $(basename "$f")"
import html, json, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
rows = re.findall(r'<tr class="([a-z-]+)"><td>(\d+):(\d+)</td><td>([^<]*)</td><td>[^<]*</td><td>[^<]*</td><td>[^<]*</td>'
                  r'<td>[^<]*</td><td>([^<]*)</td><td>[^<]*</td><td class="num">([^<]*)</td>', page)
want = []
for line in open(sys.argv[2], encoding="utf-8"):
    d = json.loads(line)
    w = d["would_earn"]
    status = w["status"] if w["in_scope"] else "out-of-scope"
    amount = f'{w["amount_fen"] // 100}.{w["amount_fen"] % 100:02d}' if status == "payable" else ""
    want.append((status, str(d["source"]["document"]), str(d["source"]["line"]), d["id"],
                 w["clause"] if w["in_scope"] else "", amount))
got = [(s, doc, line, html.unescape(g), html.unescape(c), a) for s, doc, line, g, c, a in rows]
if got != want:
    print(f"{sys.argv[3]}:\n page  {got}\n check {want}")
    sys.exit(1)
if not want:
    print(f"{sys.argv[3]}: check answered nothing"); sys.exit(1)
PY
done
# What a page says in sum, for the US weekly file: 3 documents, 2 with a Kunming patentee, 1 payable.
upload "$src/samples/inbox/grants/ipg230110.xml" > /dev/null
grep -q '共 3 件文献，其中 2 件有昆明专利权人，1 件应付，合计 30000.00 元。' "$work/answer.html" \
    || fail "summary: $(grep -o 'earn-summary">[^<]*' "$work/answer.html")"
grep -q '外观设计' "$work/answer.html" || fail "the US design's type is not in words"

# A zip of two files is read member by member.
(cd "$src/samples/inbox/grants" && python3 -c 'import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    for n in sys.argv[2:]: z.write(n)' "$work/two.zip" CN215634829U.xml ipg230110.xml)
[ "$(upload "$work/two.zip")" = 200 ] || fail "the zip was refused"
grep -q '共 4 件文献' "$work/answer.html" || fail "zip: $(grep -o 'earn-summary">[^<]*' "$work/answer.html")"
grep -q 'CN215634829U' "$work/answer.html" && grep -q 'US11553104B2' "$work/answer.html" || fail "zip members missing"

# Refused documents: named with document, line, column and cause, in Chinese.
[ "$(upload "$src/tests/golden/inputs/inbox/grants/refused-documents.xml")" = 200 ] || fail "refused-documents answered non-200"
grep -q 'id="earn-refused">[0-9]* 件文献无法读取' "$work/answer.html" || fail "refused documents: $(grep -o 'earn-refused.*' "$work/answer.html" | head -c 300)"
grep -q '<li>第 1 件文献（第 [0-9]* 行，第 [0-9]* 列）：' "$work/answer.html" || fail "a refused document is not located"
printf 'not xml at all\n' > "$work/junk.txt"
code=$(upload "$work/junk.txt")
{ [ "$code" = 200 ] && grep -q '件文献无法读取' "$work/answer.html"; } || [ "$code" = 400 ] || fail "junk answered $code"
grep -q '无法读取' "$work/answer.html" || fail "junk: no Chinese cause"

# A hostile file name is text; a path in it is dropped.
[ "$(upload "$src/samples/inbox/grants/CN215634829U.xml" '<img src=x onerror=alert(1)>.xml')" = 200 ] || fail "hostile name refused"
grep -q '<img src=x' "$work/answer.html" && fail "the file name reached the page as markup"
grep -q 'earn-file-name">&lt;img src=x onerror=alert(1)&gt;.xml<' "$work/answer.html" \
    || fail "the hostile name is not shown escaped: $(grep -o 'earn-file-name">[^<]*' "$work/answer.html")"
[ "$(upload "$src/samples/inbox/grants/CN215634829U.xml" '../../etc/授权公告.xml')" = 200 ] || fail "a name with a path refused"
grep -q 'earn-file-name">授权公告.xml<' "$work/answer.html" || fail "the path is kept: $(grep -o 'earn-file-name">[^<]*' "$work/answer.html")"

# Without the session's token first, the file is not read.
code=$(curl -s -o "$work/answer.html" -w '%{http_code}' -b "$work/rev.jar" -F "file=@$src/samples/inbox/grants/CN215634829U.xml" "$base/check")
[ "$code" = 403 ] || fail "an upload without a token answered $code"
code=$(curl -s -o "$work/answer.html" -w '%{http_code}' -b "$work/rev.jar" -F "file=@$src/samples/inbox/grants/CN215634829U.xml" -F "csrf=$token" "$base/check")
[ "$code" = 403 ] || fail "an upload with the token after the file answered $code"
grep -q 'CSRF' "$work/answer.html" || fail "no CSRF message"
code=$(curl -s -o /dev/null -w '%{http_code}' -F "csrf=$token" -F "file=@$src/samples/inbox/grants/CN215634829U.xml" "$base/check")
[ "$code" = 401 ] || fail "an upload without a session answered $code"
code=$(curl -s -o "$work/answer.html" -w '%{http_code}' -b "$work/rev.jar" -F "csrf=$token" "$base/check")
[ "$code" = 400 ] && grep -q '请选择要上传的专利文件' "$work/answer.html" || fail "a form without a file answered $code"

# Size: over the limit refused in Chinese; other routes keep a form's limit.
head -c $((9 * 1024 * 1024)) /dev/zero > "$work/big.xml"
code=$(upload "$work/big.xml")
[ "$code" = 413 ] || fail "a 9 MB upload answered $code"
grep -q '文件超过 8 MB' "$work/answer.html" || fail "no size message: $(head -c 300 "$work/answer.html")"
head -c 100000 /dev/zero | tr '\0' 'a' > "$work/long-form"
line=$(q "select min(line_id) from ledger_lines where status='payable'")
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$work/rev.jar" --data-urlencode "csrf=$token" --data-urlencode "why@$work/long-form" "$base/line/$line/hold")
[ "$code" = 413 ] || fail "a 100 KB form to another route answered $code"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$work/rev.jar" -H 'Transfer-Encoding: chunked' --data-binary "csrf=$token&why=x" "$base/line/$line/hold")
[ "$code" = 411 ] || fail "a chunked form to another route answered $code"
curl -s -o /dev/null -w '%{http_code}' -b "$work/rev.jar" "$base/check" | grep -q 200 || fail "the server is not well after the refusals"

# Nothing was written: the same lines and chain, no file left behind.
[ "$(q "select count(*)||'/'||max(line_id)||'/'||(select count(*) from grants)||'/'||(select count(*) from source_files) from ledger_lines")" = "$ledger_before" ] \
    || fail "the check page wrote to the ledger"
[ -z "$(find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'patsub-serve-*' -newer "$work/form.html" 2> /dev/null)" ] \
    || fail "an upload's scratch folder was left behind"
"$patsub" verify --db "$db" > /dev/null || fail "verify after the uploads"
echo "e2e serve check: ok"
