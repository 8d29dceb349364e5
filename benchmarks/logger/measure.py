#!/usr/bin/env python3
"""Measurement helpers for benchmarks/logger/run.sh (python3 standard library only, Linux /proc).

  measure.py run --mode M --tests N --failures F --round R --log FILE --out RESULTS.jsonl -- CMD...
      Runs CMD, appends one JSON line to RESULTS.jsonl:
        wall_s          wall time of CMD (the whole 'dotnet test --no-build')
        vstest_s        lifetime of the vstest.console process (where loggers run)
        vstest_peak_kb  peak RSS (VmHWM) of the vstest.console process alone
        testhost_peak_kb  peak RSS of the testhost process (runs the tests; no logger code)
        foreign_cpu_s   CPU time the machine spent outside CMD's process tree meanwhile (noise indicator)
      vstest.console and testhost are found among CMD's descendants by their command line, and their
      /proc/<pid>/status is read every few milliseconds. VmHWM is the kernel's own high-water mark of
      the process's RSS, so the poll only has to read it before the process exits.
  measure.py check --file F --tests N --failures F
      Fails loudly unless the gate logger's results file has N tests and the expected summary.
  measure.py report RESULTS.jsonl --tests N
      Prints the tables.
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

POLL_S = 0.004          # peak-RSS poll of the tracked processes
DISCOVER_EVERY = 10     # look for new descendants every this many polls
CLK_TCK = os.sysconf("SC_CLK_TCK")


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


def role_of(pid):
    cmdline = read(f"/proc/{pid}/cmdline")
    if cmdline is None:
        return None
    text = cmdline.replace(b"\0", b" ")
    if b"vstest.console" in text:
        return "vstest"
    if b"testhost" in text:
        return "testhost"
    return "other"


def children_of(pid):
    found = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:
        data = read(f"/proc/{pid}/task/{task}/children")
        if data:
            found.extend(int(x) for x in data.split())
    return found


def hwm_kb(pid):
    """VmHWM in kB, or None once the process is gone or a zombie (its memory is released)."""
    status = read(f"/proc/{pid}/status")
    if status is None:
        return None
    for line in status.splitlines():
        if line.startswith(b"VmHWM:"):
            return int(line.split()[1])
    return None


def cpu_seconds(pid):
    """utime + stime of the process itself (not its children), from /proc/<pid>/stat."""
    stat = read(f"/proc/{pid}/stat")
    if stat is None:
        return None
    fields = stat[stat.rindex(b")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def start_seconds(pid):
    """Process start, in seconds since boot (CLOCK_BOOTTIME), from /proc/<pid>/stat."""
    stat = read(f"/proc/{pid}/stat")
    if stat is None:
        return None
    fields = stat[stat.rindex(b")") + 2:].split()
    return int(fields[19]) / CLK_TCK


def busy_cpu_s():
    with open("/proc/stat") as f:
        parts = f.readline().split()[1:]
    values = [int(x) for x in parts]
    idle = values[3] + values[4]  # idle + iowait
    # guest time is already counted in user/nice
    return (sum(values[:8]) - idle) / CLK_TCK


def wait_for_idle(limit_s, threshold_cores=0.25, window_s=0.5):
    """On a shared machine, waits (at most limit_s) until other processes use less than threshold_cores."""
    waited = 0.0
    while True:
        before = busy_cpu_s()
        time.sleep(window_s)
        used = (busy_cpu_s() - before) / window_s
        if used < threshold_cores or waited >= limit_s:
            return waited, used
        waited += window_s


def cmd_run(args):
    cmd = args.cmd[1:] if args.cmd and args.cmd[0] == "--" else args.cmd
    waited, load = wait_for_idle(args.idle_wait) if args.idle_wait > 0 else (0.0, None)
    env = dict(os.environ)
    env["QG_BENCH_TESTS"] = str(args.tests)
    env["QG_BENCH_FAILURES"] = str(args.failures)

    self_before = resource.getrusage(resource.RUSAGE_SELF)
    kids_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    busy_before = busy_cpu_s()
    with open(args.log, "wb") as log:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
        tracked = {proc.pid: "other"}   # pid -> role
        peaks = {}                      # pid -> VmHWM kB
        ended = {}                      # pid -> CLOCK_BOOTTIME seconds when first seen gone
        started = {}
        cpu = {}                        # pid -> last CPU seconds seen
        polls = 0
        while proc.poll() is None:
            if polls % DISCOVER_EVERY == 0:
                for pid in list(tracked):
                    if pid in ended:
                        continue
                    if tracked[pid] == "other":
                        tracked[pid] = role_of(pid) or "other"
                    for child in children_of(pid):
                        if child not in tracked:
                            tracked[child] = role_of(child) or "other"
                for pid, role in tracked.items():
                    if role != "other" and pid not in started:
                        started[pid] = start_seconds(pid)
            for pid, role in tracked.items():
                if role == "other" or pid in ended:
                    continue
                kb = hwm_kb(pid)
                if kb is None:
                    ended[pid] = time.clock_gettime(time.CLOCK_BOOTTIME)
                else:
                    peaks[pid] = max(peaks.get(pid, 0), kb)
                    seconds = cpu_seconds(pid)
                    if seconds is not None:
                        cpu[pid] = seconds
            polls += 1
            time.sleep(POLL_S)
        wall = time.perf_counter() - t0
        now = time.clock_gettime(time.CLOCK_BOOTTIME)
    busy = busy_cpu_s() - busy_before
    self_after = resource.getrusage(resource.RUSAGE_SELF)
    kids_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    tree = (kids_after.ru_utime + kids_after.ru_stime) - (kids_before.ru_utime + kids_before.ru_stime)
    me = (self_after.ru_utime + self_after.ru_stime) - (self_before.ru_utime + self_before.ru_stime)

    def pick(role):
        pids = [p for p, r in tracked.items() if r == role]
        if not pids:
            return None, None, None
        if len(pids) > 1:
            print(f"warning: {len(pids)} {role} processes in one run; reporting the largest", file=sys.stderr)
        pid = max(pids, key=lambda p: peaks.get(p, 0))
        lifetime = None
        if started.get(pid) is not None:
            lifetime = ended.get(pid, now) - started[pid]
        return peaks.get(pid), lifetime, cpu.get(pid)

    vstest_kb, vstest_s, vstest_cpu = pick("vstest")
    testhost_kb, _, testhost_cpu = pick("testhost")
    if vstest_kb is None:
        sys.exit(f"error: no vstest.console process was seen under: {' '.join(cmd)} (see {args.log})")
    record = {
        "mode": args.mode,
        "tests": args.tests,
        "failures": args.failures,
        "round": args.round,
        "kind": args.kind,
        "exit_code": proc.returncode,
        "wall_s": round(wall, 3),
        "vstest_s": None if vstest_s is None else round(vstest_s, 3),
        "vstest_cpu_s": vstest_cpu,
        "testhost_cpu_s": testhost_cpu,
        "vstest_peak_kb": vstest_kb,
        "testhost_peak_kb": testhost_kb,
        "tree_cpu_s": round(tree, 2),
        "measure_cpu_s": round(me, 2),
        "foreign_cpu_s": round(max(0.0, busy - tree - me), 2),
        "idle_wait_s": waited,
        "load_before_cores": None if load is None else round(load, 2),
    }
    with open(args.out, "a") as f:
        f.write(json.dumps(record) + "\n")
    print(f"  {args.kind:<6} {args.mode:<10} n={args.tests:<6} wall {wall:6.2f} s  vstest.console {vstest_s or 0:6.2f} s "
          f"cpu {vstest_cpu or 0:5.2f} s peak {vstest_kb / 1024:6.1f} MB  testhost {(testhost_kb or 0) / 1024:6.1f} MB  "
          f"other CPU {record['foreign_cpu_s']:.1f} s  exit {proc.returncode}"
          + (f"  (waited {waited:.0f} s for an idle machine)" if waited else ""))


def cmd_check(args):
    path = args.file
    if not os.path.isfile(path):
        sys.exit(f"error: the gate logger wrote no results file at {path}")
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    tests = doc.get("tests")
    summary = (doc.get("run") or {}).get("summary") or {}
    problems = []
    if doc.get("schema") != "qualitygate.results/1":
        problems.append(f"schema is {doc.get('schema')!r}")
    if not isinstance(tests, list) or len(tests) != args.tests:
        problems.append(f"len(tests) = {len(tests) if isinstance(tests, list) else tests!r}, expected {args.tests}")
    expected = {"total": args.tests, "passed": args.tests - args.failures, "failed": args.failures, "skipped": 0}
    for key, value in expected.items():
        if summary.get(key) != value:
            problems.append(f"run.summary.{key} = {summary.get(key)!r}, expected {value}")
    if isinstance(tests, list):
        failed = [t for t in tests if t.get("outcome") == "failed"]
        if len(failed) != args.failures:
            problems.append(f"{len(failed)} tests with outcome 'failed', expected {args.failures}")
        if any(not (t.get("failure") or {}).get("category") for t in failed):
            problems.append("a failed test has no failure category")
    if problems:
        sys.exit(f"error: {path} is not what the run should produce:\n  " + "\n  ".join(problems))
    categories = summary.get("categories") or {}
    return f"{len(tests)} tests, summary {summary.get('passed')} passed / {summary.get('failed')} failed, categories {categories}"


def mb(kb):
    return "-" if kb is None else f"{kb / 1024:.0f}"


def cmd_report(args):
    with open(args.results) as f:
        rows = [json.loads(line) for line in f if line.strip()]
    timed = [r for r in rows if r["kind"] == "timed"]
    modes = [m for m in ("none", "trx", "gate", "gate-quiet") if any(r["mode"] == m for r in timed)]
    med = {}
    print(f"Timing: {args.tests} results, {timed[0]['failures'] if timed else 0} failing, "
          f"{max((r['round'] for r in timed), default=-1) + 1} runs per mode (median; min-max)")
    print()
    header = f"{'mode':<11} {'median s':>8} {'min-max s':>13} {'vs none':>7} {'vstest.console s':>16} {'vs none':>7} " \
             f"{'vstest.console CPU s':>20} {'vs none':>7} {'vstest.console peak RSS MB':>26} {'testhost peak MB':>16} " \
             f"{'other CPU s':>11}"
    print(header)
    print("-" * len(header))
    for mode in modes:
        rs = [r for r in timed if r["mode"] == mode]
        wall = statistics.median(r["wall_s"] for r in rs)
        vst = statistics.median(r["vstest_s"] for r in rs)
        peak = statistics.median(r["vstest_peak_kb"] for r in rs)
        cpu = statistics.median(r["vstest_cpu_s"] for r in rs)
        host = statistics.median(r["testhost_peak_kb"] or 0 for r in rs)
        other = statistics.median(r["foreign_cpu_s"] for r in rs)
        med[mode] = (wall, vst, peak, cpu)
        base = med.get("none")
        ratio = f"{wall / base[0]:.2f}x" if base else "-"
        vratio = f"{vst / base[1]:.2f}x" if base else "-"
        cratio = f"{cpu / base[3]:.2f}x" if base else "-"
        span = f"{min(r['wall_s'] for r in rs):.2f}-{max(r['wall_s'] for r in rs):.2f}"
        print(f"{mode:<11} {wall:8.2f} {span:>13} {ratio:>7} {vst:16.2f} {vratio:>7} {cpu:20.2f} {cratio:>7} {mb(peak):>26} {mb(host):>16} {other:11.1f}")
    print()
    for a, b in (("gate", "none"), ("gate", "trx"), ("gate-quiet", "none"), ("gate-quiet", "trx"), ("trx", "none")):
        if a in med and b in med:
            print(f"{a}/{b} = {med[a][0] / med[b][0]:.2f}x   (vstest.console lifetime {med[a][1] / med[b][1]:.2f}x, "
                  f"vstest.console CPU {med[a][3] / med[b][3]:.2f}x, +{med[a][3] - med[b][3]:.2f} s)")

    growth = [r for r in rows if r["kind"] == "growth"]
    if growth:
        sizes = sorted({r["tests"] for r in growth})
        failures = sorted({r["failures"] for r in growth})
        print()
        print(f"Memory growth: vstest.console peak RSS (MB, median of runs), {failures[0]} failing tests at every size")
        print()
        cols = "".join(f"{f'{n} tests':>14}" for n in sizes)
        header = f"{'mode':<11}{cols} {'growth MB':>10} {'per 1,000 passing':>18}"
        print(header)
        print("-" * len(header))
        for mode in [m for m in ("none", "trx", "gate", "gate-quiet") if any(r["mode"] == m for r in growth)]:
            peaks = [statistics.median(r["vstest_peak_kb"] for r in growth if r["mode"] == mode and r["tests"] == n) for n in sizes]
            grow = (peaks[-1] - peaks[0]) / 1024
            per = grow / ((sizes[-1] - sizes[0]) / 1000) if sizes[-1] != sizes[0] else 0
            print(f"{mode:<11}" + "".join(f"{p / 1024:14.0f}" for p in peaks) + f" {grow:10.1f} {per:18.2f}")
        print()
        print("testhost peak RSS (MB, for reference; the testhost runs the tests, no logger runs there):")
        for mode in [m for m in ("none", "trx", "gate", "gate-quiet") if any(r["mode"] == m for r in growth)]:
            peaks = [statistics.median((r["testhost_peak_kb"] or 0) for r in growth if r["mode"] == mode and r["tests"] == n) for n in sizes]
            print(f"  {mode:<11}" + "  ".join(f"{n}: {p / 1024:.0f}" for n, p in zip(sizes, peaks)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run")
    run.add_argument("--mode", required=True)
    run.add_argument("--kind", default="timed", choices=["warmup", "timed", "growth"])
    run.add_argument("--tests", type=int, required=True)
    run.add_argument("--failures", type=int, required=True)
    run.add_argument("--round", type=int, default=0)
    run.add_argument("--log", required=True)
    run.add_argument("--idle-wait", type=float, default=0, help="wait up to this many seconds for an idle machine first")
    run.add_argument("--out", required=True)
    run.add_argument("cmd", nargs=argparse.REMAINDER)
    check = sub.add_parser("check")
    check.add_argument("--file", required=True)
    check.add_argument("--tests", type=int, required=True)
    check.add_argument("--failures", type=int, required=True)
    report = sub.add_parser("report")
    report.add_argument("results")
    report.add_argument("--tests", type=int, required=True)
    args = parser.parse_args()
    if args.command == "run":
        cmd_run(args)
    elif args.command == "check":
        print("  check: " + cmd_check(args))
    else:
        cmd_report(args)


if __name__ == "__main__":
    main()
