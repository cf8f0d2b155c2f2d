#!/usr/bin/env bash
# The workbench (`patsub serve`, issue 13) driven over HTTP with curl, as staff and as an
# attacker: people from `patsub user`, a route-by-role matrix (every route refuses every
# role it should, and a refused POST changes nothing), the flow reviewer -> approver with
# the two-person rule, CSRF, logout, lockout, `../` downloads, hostile names from the
# inbox and from forms rendered inert, Chinese messages for bad input, every login,
# failure, action and download in the chain, and `verify` clean at the end.
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

cp -r "$src/samples/inbox" "$work/inbox"
# Hostile names from the lists the run reads (the later snapshot is the whole registry,
# reading 18): a payee renamed with markup (the alias keeps
# the grants matching it) and a bank name that tries to leave its attribute.
cat > "$work/inbox/payees/registry-2099-hostile.csv" <<'CSV'
uscc,name,aliases,district,bank_name,bank_account
91530102MA6PDC012R,昆明滇池智能装备有限公司,"Kunming Dianchi Intelligent Equipment Co., Ltd.|KUNMING DIANCHI INTELLIGENT EQUIPMENT CO LTD",530102,滇池样例银行昆明五华支行（虚构）,530100990000000101
91530111MA6PGY027L,<script>window.__pwned=1</script>,"云南高原光电科技有限公司|Yunnan Plateau Optoelectronics Technology Co., Ltd.",530111,"""onmouseover=""window.__pwned=2<img src=x onerror=window.__pwned=3>",530100990000000202
CSV
"$patsub" init --db "$db" > /dev/null || fail "init exited $?"
PATSUB_NOW=2026-11-02T01:00:00Z "$patsub" run --db "$db" --inbox "$work/inbox" --out "$work/out" --as-of 2026-01-05 > /dev/null || fail "run exited $?"

# People: a password from stdin, never an argument.
for u in rev:reviewer rev2:reviewer appr:approver appr2:approver aud:auditor adm:admin; do
    echo "pass-${u%%:*}-123" | "$patsub" user add "${u%%:*}" --role "${u##*:}" --db "$db" > /dev/null || fail "user add $u"
done
echo "short" | "$patsub" user add weak --role reviewer --db "$db" > /dev/null 2>&1 && fail "a 5-character password was taken"
echo "pass-rev-1234" | "$patsub" user add rev --role reviewer --db "$db" > /dev/null 2>&1 && fail "a second 'rev' was added"
"$patsub" user add x --role reviewer --db "$db" --password secret > /dev/null 2>&1 && fail "a password was taken as an argument"
[ "$(q "select password_hash like '\$argon2id\$%' from workbench_users where name='rev'")" = 1 ] || fail "not argon2id"
q "select password_hash from workbench_users" | grep -q "pass-" && fail "a password is stored in clear"
"$patsub" user list --db "$db" | grep -q "^appr	approver	active" || fail "user list: $("$patsub" user list --db "$db")"

. "$src/tests/e2e/serve_session.sh"
start_server 2026-11-02T02:00:00Z  # a Monday in Kunming, in a year the shipped holiday list covers

for u in rev rev2 appr appr2 aud adm; do login $u; done
declare -A token
token[rev]=$(csrf rev ""); token[rev2]=$(csrf rev2 ""); token[appr]=$(csrf appr ""); token[appr2]=$(csrf appr2 "")
token[aud]=$(csrf aud ""); token[adm]=$(csrf adm users)
for u in rev appr aud adm; do [ ${#token[$u]} = 64 ] || fail "no CSRF token on $u's page"; done

# Headers: a strict CSP without unsafe-inline; the cookie HttpOnly and SameSite=Strict.
curl -s -D "$work/headers" -o /dev/null -b "$work/rev.jar" "$base/"
grep -qi "^Content-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self'" "$work/headers" || fail "CSP"
grep -qi "unsafe-inline" "$work/headers" && fail "CSP allows unsafe-inline"
curl -s -D - -o /dev/null --data-urlencode name=aud --data-urlencode password=pass-aud-123 "$base/login" \
    | grep -i '^Set-Cookie: patsub_session=[0-9a-f]\{64\}; Path=/; HttpOnly; SameSite=Strict' > /dev/null || fail "session cookie flags"

payable=$(q "select line_id from ledger_lines where batch_id=1 and status='payable' and grant_id='CN217345678U'")
other=$(q "select line_id from ledger_lines where batch_id=1 and status='payable' and grant_id='CN113061234B'")
uscc=91530111MA6PGY027L

# Route-by-role matrix: GETs (200 allowed, 403 refused) ...
# Every request of the matrix is noted in $work/matrix; at the end of the matrix its routes
# must be exactly the routes the server registers (`serve --list-routes`).
check_get() {  # role path expected
    echo "GET $2" >> "$work/matrix"
    local code; code=$(get "$1" "$2"); [ "$code" = "$3" ] || fail "GET $2 as $1: $code, expected $3"
}
# Without a session: a guarded page sends to the login form, a guarded POST is refused.
check_anon() {  # method path expected
    echo "$1 $2" >> "$work/matrix"
    local form=(); [ "$1" = POST ] && form=(--data-urlencode csrf=0)
    local code; code=$(curl -s -o "$work/body" -w '%{http_code}' "${form[@]}" "$base$2"); [ "$code" = "$3" ] || fail "$1 $2 without a session: $code, expected $3"
}
for u in rev appr aud; do
    for p in / /batch/1 "/line/$payable" "/company/$uscc" /summary /check; do check_get $u "$p" 200; done
    check_get $u /users 403
done
for p in / /batch/1 "/line/$payable" "/company/$uscc" /summary /check /verify "/download/1/treasury-1.csv"; do check_get adm "$p" 403; done
check_get adm /users 200
check_get aud /verify 200
for u in rev appr; do check_get $u /verify 403; done
# ... and POSTs with a valid CSRF token from roles that may not: 403 and nothing written.
before=$(q "select (select count(*) from staff_holds)||'/'||(select count(*) from batch_reviews)||'/'||(select count(*) from approvals)||'/'||(select count(*) from line_annotations)||'/'||(select count(*) from workbench_users)")
check_post() {  # role path expected [form...]
    echo "POST $2" >> "$work/matrix"
    local who=$1 path=$2 want=$3; shift 3
    local code; code=$(post "$who" "$path" --data-urlencode "csrf=${token[$who]}" "$@")
    [ "$code" = "$want" ] || fail "POST $path as $who: $code, expected $want"
}
for u in appr aud adm; do
    check_post $u "/line/$payable/hold" 403 --data-urlencode "why=x"
    check_post $u "/line/$payable/release" 403
    check_post $u "/line/$payable/annotate" 403 --data-urlencode "text=x"
    check_post $u /batch/1/reviewed 403
    check_post $u /batch/1/publish 403
done
check_post adm /check 403
for u in rev aud adm; do check_post $u /batch/1/approve 403; done
for u in rev appr aud; do
    check_post $u /users 403 --data-urlencode name=eve --data-urlencode role=admin --data-urlencode password=0123456789ab
    check_post $u /users/disable 403 --data-urlencode name=adm
done
grep -q '您的角色无权访问此页面' "$work/body" || fail "a refused role gets no Chinese message"
# ... and without a session, every route: the public ones answer, the rest refuse.
check_anon GET /login 200; check_anon GET /static/workbench.css 200; check_anon GET /favicon.ico 204
check_anon GET "/lang?to=zh&back=%2Flogin" 303
check_anon POST /login 401
for p in / /batch/1 "/line/$payable" "/company/$uscc" /summary /check /verify /users "/download/1/treasury-1.csv"; do check_anon GET "$p" 303; done
for p in /logout /users /users/disable /check "/line/$payable/hold" "/line/$payable/release" "/line/$payable/annotate" \
         /batch/1/reviewed /batch/1/approve /batch/1/publish; do check_anon POST "$p" 401; done
[ "$(q "select (select count(*) from staff_holds)||'/'||(select count(*) from batch_reviews)||'/'||(select count(*) from approvals)||'/'||(select count(*) from line_annotations)||'/'||(select count(*) from workbench_users)")" = "$before" ] \
    || fail "a refused POST wrote something"
# The matrix covers every route the server has, and no route it lacks.
"$patsub" serve --list-routes > "$work/routes" || fail "serve --list-routes exited $?"
python3 - "$work/routes" "$work/matrix" <<'PY' || fail "the route-by-role matrix and the server's routes differ"
import re, sys
routes = [l.split(" ", 1) for l in open(sys.argv[1]).read().splitlines()]
asked = {tuple(l.split(" ", 1)) for l in open(sys.argv[2]).read().splitlines()}
assert len(routes) >= 20, f"serve --list-routes printed {len(routes)} routes"
covered = {(m, p) for m, p in routes
           if any(am == m and re.fullmatch(p, ap.split("?")[0]) for am, ap in asked)}
ok = True
for m, p in routes:
    if (m, p) not in covered:
        print(f"route {m} {p} is not in the matrix"); ok = False
for am, ap in sorted(asked):
    if not any(am == m and re.fullmatch(p, ap.split("?")[0]) for m, p in routes):
        print(f"the matrix asks {am} {ap}, which no route answers"); ok = False
sys.exit(0 if ok else 1)
PY

# CSRF: a POST without the token, or with another session's, is refused and writes nothing.
code=$(post rev "/line/$payable/hold" --data-urlencode "why=no token"); [ "$code" = 403 ] || fail "POST without CSRF: $code"
grep -q 'CSRF' "$work/body" || fail "the CSRF refusal does not say so"
code=$(post rev "/line/$payable/hold" --data-urlencode "csrf=${token[rev2]}" --data-urlencode "why=x"); [ "$code" = 403 ] || fail "another session's CSRF: $code"
[ "$(q "select count(*) from staff_holds")" = 0 ] || fail "a hold without a valid CSRF token was written"

# Free text finds a patent by its certificate number and a company by its credit code.
get rev "/batch/1?q=ZL202220456789.1" > /dev/null
grep -q "href=\"/line/$payable\"" "$work/body" || fail "ZL202220456789.1 did not find line $payable"
[ "$(grep -o 'href="/line/' "$work/body" | wc -l)" = 1 ] || fail "ZL search found more than the one line"
get rev "/batch/1?q=CN%20217345678%20U" > /dev/null; grep -q "href=\"/line/$payable\"" "$work/body" || fail "CN 217345678 U"
get rev "/batch/1?q=91530102MA6PDC012R" > /dev/null; grep -q "href=\"/line/$other\"" "$work/body" || fail "credit code search"
get rev "/batch/1?status=rejected" > /dev/null
[ "$(grep -o 'href="/line/' "$work/body" | wc -l)" = "$(q "select count(*) from ledger_lines where batch_id=1 and status='rejected'")" ] \
    || fail "status filter"

# Hostile names render inert: escaped in the batch, line and company pages; no inline
# script, style or handler anywhere.
for p in /batch/1 "/line/$payable" "/company/$uscc"; do
    get rev "$p" > /dev/null
    grep -q '&lt;script&gt;window.__pwned=1&lt;/script&gt;' "$work/body" || fail "hostile name not shown escaped on $p"
    grep -q '<script>window' "$work/body" && fail "raw hostile markup on $p"
    grep -Eq '<script>|<style| style=| on[a-z]+=' "$work/body" && fail "inline script, style or handler on $p"
done

# The flow: rev holds a line with a reason (XSS in the reason), notes another, marks the
# batch reviewed; appr held one via the command line (same name), so appr may not approve.
code=$(post rev "/line/$payable/hold" --data-urlencode "csrf=${token[rev]}" --data-urlencode 'why=<img src=x onerror=alert(1)>账号待核实')
[ "$code" = 303 ] || fail "hold answered $code"
get rev "/line/$payable" > /dev/null
grep -q '&lt;img src=x onerror=alert(1)&gt;账号待核实' "$work/body" || fail "hold reason not shown escaped"
code=$(post rev "/line/$other/annotate" --data-urlencode "csrf=${token[rev]}" --data-urlencode 'text=<script>alert(2)</script>核对')
[ "$code" = 303 ] || fail "annotate answered $code"
get rev "/line/$other" > /dev/null; grep -q '&lt;script&gt;alert(2)&lt;/script&gt;核对' "$work/body" || fail "note not escaped"
# Bad input: a malformed form, an unknown batch or line, a bad page number.
code=$(post rev "/line/$other/hold" --data-urlencode "csrf=${token[rev]}"); [ "$code" = 400 ] || fail "hold without why: $code"
grep -q '表单内容不完整' "$work/body" || fail "malformed form: no Chinese message"
check_get rev /batch/999 404; grep -q '没有这个批次' "$work/body" || fail "unknown batch: no Chinese message"
check_get rev /line/999999 404
check_get rev "/batch/1?page=abc" 400
check_get rev "/batch/1?sort=amount;drop" 400
code=$(post rev /batch/999/reviewed --data-urlencode "csrf=${token[rev]}"); [ "$code" = 404 ] || fail "review of batch 999: $code"
code=$(post rev /batch/1/reviewed --data-urlencode "csrf=${token[rev]}"); [ "$code" = 303 ] || fail "mark reviewed: $code"
# The command line records the OS user beside --by; `cli_approvals = false` turns it off.
printf 'cli_approvals = false\n' > "$work/patsub.conf"
for c in "hold --line $other --by appr --why x" "release --line $other --by appr" "approve --batch 1 --by appr --out $work/out"; do
    set +e; "$patsub" --config "$work/patsub.conf" $c --db "$db" > "$work/off.txt" 2>&1; rc=$?; set -e
    [ "$rc" = 2 ] && grep -q "cli_approvals = false" "$work/off.txt" || fail "cli_approvals = false let '$c' through (exit $rc): $(cat "$work/off.txt")"
done
"$patsub" hold --db "$db" --line "$other" --by appr --why "cli hold" > /dev/null || fail "cli hold"
q "select note from chain_events where kind='command_line_act'" | grep -q "^$(id -un) (script, command line, .*): held line $other as --by appr" \
    || fail "the command line's hold does not name the OS user: $(q "select note from chain_events where kind='command_line_act'")"
"$patsub" release --db "$db" --line "$other" --by appr > /dev/null || fail "cli release"
get appr /batch/1 > /dev/null
grep -q 'id="why-no-approve"' "$work/body" || fail "the page does not say why appr has no approve button"
grep -q '须由另一位审批人审批' "$work/body" || fail "two-person reason missing"
code=$(post appr /batch/1/approve --data-urlencode "csrf=${token[appr]}"); [ "$code" = 409 ] || fail "appr approved a batch appr held in: $code"
[ "$(q "select count(*) from approvals")" = 0 ] || fail "the refused approval was written"
get rev /batch/1 > /dev/null; grep -q '您的角色（审核员）不能执行此操作' "$work/body" || fail "reviewer is not told why no approve button"
# Before approval: the batch's lines as a workbook, written from the ledger as it stands
# (one row per line, the hold included); no treasury file is offered yet.
code=$(get rev /download/1/lines-1.xlsx); [ "$code" = 200 ] || fail "lines workbook before approval: $code"
python3 - "$work/body" "$(q "select count(*) from ledger_lines where batch_id=1")" <<'PY' || fail "the lines workbook"
import re, sys, zipfile
sheet = zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet1.xml").decode()
assert len(re.findall(r"<row ", sheet)) == int(sys.argv[2]) + 1, "rows"
PY
[ -e "$work/out/lines-1.xlsx" ] && fail "the lines workbook was left in OUT"
get rev /batch/1 > /dev/null; grep -q 'href="/download/1/treasury-1.csv"' "$work/body" && fail "a treasury link before approval"
code=$(get rev /download/1/treasury-1.csv); [ "$code" = 404 ] || fail "treasury file before approval: $code"
# 公示: the reviewer publishes; inside the notice period nobody may approve.
code=$(post rev /batch/1/publish --data-urlencode "csrf=${token[rev]}"); [ "$code" = 303 ] || fail "publish: $code"
[ -s "$work/out/notice-1.html" ] || fail "publish wrote no notice"
get appr2 /batch/1 > /dev/null; grep -q 'id="notice-period"' "$work/body" || fail "the batch page does not show the notice period"
code=$(post appr2 /batch/1/approve --data-urlencode "csrf=${token[appr2]}"); [ "$code" = 409 ] || fail "approved inside the notice period: $code"
[ "$(q "select count(*) from approvals")" = 0 ] || fail "an approval inside the notice period was written"
# After the period (the clock moved on: every session idled out), appr2 approves.
start_server 2026-11-18T02:00:00Z
code=$(get appr2 /); [ "$code" = 303 ] || fail "a session survived 16 idle days: $code"
for u in rev appr2; do login $u; done
token[rev]=$(csrf rev ""); token[appr2]=$(csrf appr2 "")
# The approval commits, then its sheet cannot be written (a folder stands at its path):
# the error page must not say that nothing changed, and must send staff to the batch.
mkdir "$work/out/approval-sheet-1.html"
code=$(post appr2 /batch/1/approve --data-urlencode "csrf=${token[appr2]}"); [ "$code" = 500 ] || fail "approve with its sheet unwritable: $code"
grep -q '账本未作任何更改' "$work/body" && fail "an approval that committed says nothing changed: $(grep -o 'id="error">[^<]*<br>[^<]*' "$work/body")"
grep -q '本次操作在出错前已写入账本' "$work/body" || fail "the error page does not say the approval was written: $(grep -o 'id="error">.*' "$work/body" | head -c 300)"
[ "$(q "select approved_by from approvals where batch_id=1")" = appr2 ] || fail "approval not recorded for appr2"
# The operator writes the sheet again: `approve` on an approved batch changes nothing and
# restores what the approval wrote.
rmdir "$work/out/approval-sheet-1.html"
"$patsub" approve --db "$db" --batch 1 --by appr2 --out "$work/out" > "$work/approve.out" || fail "approve again exited $?"
grep -q "already approved by appr2" "$work/approve.out" || fail "approve again: $(cat "$work/approve.out")"
# A refusal that wrote nothing still says so.
code=$(post appr2 /batch/1/approve --data-urlencode "csrf=${token[appr2]}"); [ "$code" = 409 ] || fail "second approval: $code"
grep -q '账本未作任何更改' "$work/body" || fail "a refused second approval does not say nothing changed"
[ -s "$work/out/treasury-1.csv" ] || fail "no treasury file"
# The approval sheet (审批表) of a workbench approval names the approver and the chain head.
grep -q "appr2" "$work/out/approval-sheet-1.html" || fail "the approval sheet does not name appr2"
login aud; get aud /batch/1 > /dev/null
for n in lines-1.xlsx notice-1.html notice-1.csv treasury-1.csv treasury-1.xlsx approval-sheet-1.html; do
    grep -q "href=\"/download/1/$n\"" "$work/body" || fail "the approved batch page offers no $n"
done
code=$(get aud /download/1/approval-sheet-1.html); [ "$code" = 200 ] || fail "approval sheet download: $code"
cmp -s "$work/body" "$work/out/approval-sheet-1.html" || fail "downloaded approval sheet differs"
# A stale page's action on the approved batch: refused in Chinese, nothing written.
holds=$(q "select count(*) from staff_holds")
code=$(post rev "/line/$other/hold" --data-urlencode "csrf=${token[rev]}" --data-urlencode "why=late"); [ "$code" = 409 ] || fail "hold after approval: $code"
grep -q '操作被拒绝' "$work/body" || fail "stale action: no Chinese message"
code=$(post rev /batch/1/reviewed --data-urlencode "csrf=${token[rev]}"); [ "$code" = 409 ] || fail "review after approval: $code"
code=$(post appr2 /batch/1/approve --data-urlencode "csrf=${token[appr2]}"); [ "$code" = 409 ] || fail "second approval: $code"
[ "$(q "select count(*) from staff_holds")" = "$holds" ] || fail "a stale action wrote a hold"

# Downloads: the treasury file as approve wrote it; `../` and unknown names refused.
code=$(get appr2 /download/1/treasury-1.csv); [ "$code" = 200 ] || fail "download: $code"
cmp -s "$work/body" "$work/out/treasury-1.csv" || fail "downloaded bytes differ from the treasury file"
echo secret > "$work/secret.txt"
for p in "/download/1/..%2F..%2Fsecret.txt" "/download/1/../../secret.txt" "/download/1/%2e%2e%2fsecret.txt" \
         "/download/1/ledger.sqlite" "/download/2/treasury-1.csv" "/download/1/treasury-1.csv%00.txt"; do
    code=$(curl -s --path-as-is -o "$work/body" -w '%{http_code}' -b "$work/appr2.jar" "$base$p")
    [ "$code" = 404 ] || [ "$code" = 400 ] || fail "download $p answered $code"
    grep -q secret "$work/body" && fail "download $p leaked a file"
done

# Logout ends the session: the old cookie opens nothing and posts nothing.
login rev2; token[rev2]=$(csrf rev2 "")
cp "$work/rev2.jar" "$work/stale.jar"
code=$(post rev2 /logout --data-urlencode "csrf=${token[rev2]}"); [ "$code" = 303 ] || fail "logout: $code"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$work/stale.jar" "$base/batch/1"); [ "$code" = 303 ] || fail "session reused after logout: $code"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$work/stale.jar" --data-urlencode "csrf=${token[rev2]}" \
    --data-urlencode "text=ghost" "$base/line/$other/annotate")
[ "$code" = 401 ] || fail "POST with a logged-out session: $code"

# Five failed logins lock the account for 15 minutes, even against the right password.
for _ in 1 2 3 4 5; do curl -s -o /dev/null --data-urlencode name=aud --data-urlencode password=wrong "$base/login"; done
curl -s -o "$work/body" --data-urlencode name=aud --data-urlencode password=pass-aud-123 "$base/login"
grep -q '账户已锁定15分钟' "$work/body" || fail "the account was not locked after 5 failures"
[ -n "$(q "select locked_until from workbench_users where name='aud'")" ] || fail "no lock recorded"
echo "pass-aud-123" | "$patsub" user passwd aud --db "$db" > /dev/null || fail "user passwd"
login aud
login appr
"$patsub" user disable appr --db "$db" > /dev/null || fail "user disable"
code=$(get appr /); [ "$code" = 303 ] || fail "a disabled user's session still works: $code"

# The chain holds every login, failure, action, download and account change.
for k in login login_failed logout download workbench_act command_line_act batch_review annotation person staff_hold notice approval; do
    [ "$(q "select count(*) from chain_events where kind='$k'")" -ge 1 ] || fail "no '$k' event in the chain"
done
q "select note from chain_events where kind='download'" | grep -q '^appr2 (approver, workbench, 127.0.0.1): downloaded treasury-1.csv' \
    || fail "download event: $(q "select note from chain_events where kind='download'")"
q "select note from chain_events where kind='login_failed'" | grep -q 'locked until' || fail "the lock is not in the chain"
# A run committing while the server serves: its batch is on the next page at once (each
# request reads a fresh snapshot), with the totals the ledger keeps as lines are written
# (issue 13 point 6). A dispute opened on a paid invention makes batch 2 a recovery.
paid=$(q "select grant_id from ledger_lines where batch_id=1 and status='payable' and patent_type='invention' limit 1")
[ -n "$paid" ] || fail "no paid invention in batch 1"
get rev / > /dev/null
mkdir -p "$work/inbox2/disputes"
printf 'patent,status,date,note\n%s,open,2026-02-10,权属纠纷\n' "$paid" > "$work/inbox2/disputes/late.csv"
PATSUB_NOW=2026-11-02T03:00:00Z "$patsub" run --db "$db" --inbox "$work/inbox2" --out "$work/out2" --as-of 2026-02-16 \
    > /dev/null || fail "second run exited $?"
[ "$(q "select count(*) from ledger_lines where batch_id=2 and status='recovery'")" = 1 ] || fail "no recovery in batch 2"
code=$(get rev /); [ "$code" = 200 ] || fail "batches after the second run: $code"
grep -q 'href="/batch/2"' "$work/body" || fail "the batch committed while serving is not listed"
code=$(get rev /batch/2); [ "$code" = 200 ] || fail "batch 2: $code"
grep -q "共 1 条" "$work/body" || fail "batch 2's count is not its one line"
"$patsub" verify --db "$db" > "$work/verify.txt" || fail "verify after the workbench: $(grep BREACH "$work/verify.txt")"
echo "e2e serve workbench: ok"
