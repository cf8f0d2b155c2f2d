#!/usr/bin/env python3
"""The workbench under load (issue 13 point 6): SESSIONS logged-in sessions ask for every
page type at once, ROUNDS times each; the figures are the server's own (its Server-Timing
header), not the client's wall clock. Prints one table row per page type (p50/p95/max ms),
then the server's peak RSS, its CPU seconds over the whole load and the load average.

    serve_client.py BASE PID USER PASSWORD PAGES_FILE [SESSIONS] [ROUNDS]

PAGES_FILE: one "name<TAB>path" per line."""
import re
import sys
import threading
import time
import urllib.parse
import urllib.request
import http.cookiejar

base, pid, user, password, pages_file = sys.argv[1:6]
sessions = int(sys.argv[6]) if len(sys.argv) > 6 else 20
rounds = int(sys.argv[7]) if len(sys.argv) > 7 else 3
pages = [l.rstrip("\n").split("\t", 1) for l in open(pages_file) if l.strip()]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


def opener():
    jar = http.cookiejar.CookieJar()
    o = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    data = urllib.parse.urlencode({"name": user, "password": password}).encode()
    try:
        o.open(base + "/login", data)
    except urllib.error.HTTPError as e:
        if e.code != 303:
            raise
    return o


def proc_status(key):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith(key):
            return int(line.split()[1])
    return 0


def cpu_seconds():
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / 100.0


openers = [opener() for _ in range(sessions)]
times = {name: [] for name, _ in pages}
errors = []
lock = threading.Lock()


def ask(o, name, path):
    try:
        r = o.open(base + path)
        body = r.read()
        status = r.status
        timing = r.headers.get("Server-Timing", "")
    except urllib.error.HTTPError as e:
        body, status, timing = e.read(), e.code, e.headers.get("Server-Timing", "")
    m = re.search(r"dur=([0-9.]+)", timing)
    with lock:
        if status != 200 or not m:
            errors.append(f"{name} {path}: HTTP {status}")
        else:
            times[name].append(float(m.group(1)))


cpu0, wall0 = cpu_seconds(), time.time()
for name, path in pages:
    for _ in range(rounds):
        ts = [threading.Thread(target=ask, args=(o, name, path)) for o in openers]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
cpu1, wall1 = cpu_seconds(), time.time()


def pct(v, p):
    v = sorted(v)
    return v[min(len(v) - 1, int(round(p / 100.0 * (len(v) - 1))))] if v else float("nan")


print(f"| page | requests | p50 ms | p95 ms | max ms |")
print(f"|---|---:|---:|---:|---:|")
for name, path in pages:
    v = times[name]
    print(f"| {name} (`{path}`) | {len(v)} | {pct(v, 50):.0f} | {pct(v, 95):.0f} | {max(v) if v else float('nan'):.0f} |")
load = open("/proc/loadavg").read().split()[:3]
print(f"\nserver peak RSS {proc_status('VmHWM') / 1024:.0f} MB; {cpu1 - cpu0:.1f} CPU s over {wall1 - wall0:.1f} s "
      f"of load ({sessions} sessions x {rounds} rounds x {len(pages)} page types); load average {' '.join(load)}")
for e in errors[:10]:
    print("ERROR", e)
sys.exit(1 if errors else 0)
