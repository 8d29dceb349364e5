#!/usr/bin/env python3
"""Runs one command and measures it (python3 standard library, Linux /proc): wall time, and the peak RSS (VmHWM) of
the test host, the process of the test app that runs the tests. With --gate the app starts itself twice (controller
and test host; the host has --internal-testhostcontroller-pid on its command line); without, one process does both.

  measure.py --app NAME -- CMD...      prints one JSON line: wall_s, host_peak_kb, controller_peak_kb, exit
"""
import json
import os
import subprocess
import sys
import time


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


def descendants(root):
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        for task in os.listdir(f"/proc/{pid}/task") if os.path.isdir(f"/proc/{pid}/task") else []:
            children = read(f"/proc/{pid}/task/{task}/children") or b""
            for child in children.split():
                found.append(int(child))
                stack.append(int(child))
    return found


def hwm_kb(pid):
    status = read(f"/proc/{pid}/status") or b""
    for line in status.splitlines():
        if line.startswith(b"VmHWM:"):
            return int(line.split()[1])
    return 0


def main():
    argv = sys.argv[1:]
    app = argv[argv.index("--app") + 1].encode()
    command = argv[argv.index("--") + 1:]
    start = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peaks = {}
    while process.poll() is None:
        for pid in descendants(process.pid):
            cmdline = read(f"/proc/{pid}/cmdline") or b""
            if app in cmdline:
                role = "host" if b"--internal-testhostcontroller-pid" in cmdline else "controller"
                peaks[(role, pid)] = max(peaks.get((role, pid), 0), hwm_kb(pid))
        time.sleep(0.005)
    wall = time.monotonic() - start
    host = max([kb for (role, _), kb in peaks.items() if role == "host"], default=0)
    controller = max([kb for (role, _), kb in peaks.items() if role == "controller"], default=0)
    # Without a controller the single process is the test host.
    if host == 0:
        host, controller = controller, 0
    print(json.dumps({"wall_s": round(wall, 3), "host_peak_kb": host, "controller_peak_kb": controller, "exit": process.returncode}))


if __name__ == "__main__":
    main()
