# Sourced by the workbench tests (serve_workbench.sh, serve_check.sh, workbench_browser.sh):
# the workbench on a free port with its clock fixed, and people talking to it with curl,
# a cookie jar each. The sourcing script has set $patsub, $db and $work and defined
# fail(); it kills $server_pid in its cleanup.
serve_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base=http://127.0.0.1:$serve_port
server_pid=

# start_server INSTANT [SERVE-FLAGS...]: (re)starts `patsub serve` on $db with PATSUB_NOW
# fixed, so a notice period can pass between two starts; its log is $work/serve.log. The
# flags default to the objection channel the notice needs.
start_server() {
    local instant=$1
    shift
    [ $# -gt 0 ] || set -- --objection-channel "书面异议寄昆明市市场监督管理局知识产权科"
    if [ -n "$server_pid" ]; then kill "$server_pid"; wait "$server_pid" 2> /dev/null || true; fi
    PATSUB_NOW=$instant "$patsub" serve --db "$db" --listen "127.0.0.1:$serve_port" --out "$work/out" "$@" \
        >> "$work/serve.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 100); do curl -s -o /dev/null "$base/login" && break; sleep 0.1; done
    curl -s -o /dev/null "$base/login" || fail "the server did not start"
}

# login NAME -> cookie jar $work/NAME.jar (password pass-NAME-123, as the tests add people).
login() {
    local code
    code=$(curl -s -o /dev/null -w '%{http_code}' -c "$work/$1.jar" --data-urlencode "name=$1" \
        --data-urlencode "password=pass-$1-123" "$base/login")
    [ "$code" = 303 ] || fail "login $1 answered $code"
}
# csrf NAME PAGE: the session's CSRF token as the page PAGE ("" for the start page) shows it.
csrf() { curl -s -b "$work/$1.jar" "$base/$2" | python3 -c 'import re,sys; m=re.search(r"name=.csrf. value=.([0-9a-f]{64})", sys.stdin.read()); print(m.group(1) if m else "")'; }
# get NAME PATH / post NAME PATH CURL-ARGS...: the HTTP status; the body is in $work/body.
get() { curl -s -o "$work/body" -w '%{http_code}' -b "$work/$1.jar" "$base$2"; }
post() { local who=$1 path=$2; shift 2; curl -s -o "$work/body" -w '%{http_code}' -b "$work/$who.jar" "$@" "$base$path"; }
