"""A patsub command run as a child whose peak memory is measured: shared by the memory
tests (memory_bound.py, command_memory.py)."""
import os
import subprocess


def run_measured(args, out_file, env=None):
    """Runs args with stdout and stderr into out_file; returns (exit code, peak RSS in MB of
    that process). The output is never read into this process: the child starts as a copy
    of it (a fork), and a large Python process would count its pages in the child's peak
    until it execs."""
    with open(out_file, "wb") as out:
        p = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, env=env)
        _, status, usage = os.wait4(p.pid, 0)
    return os.waitstatus_to_exitcode(status), usage.ru_maxrss / 1024


def tail(path, n=2000):
    """The last n bytes of a child's output, for a failure message."""
    with open(path, "rb") as f:
        f.seek(max(0, os.path.getsize(path) - n))
        return f.read().decode("utf-8", "replace")
