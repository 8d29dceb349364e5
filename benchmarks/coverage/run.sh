#!/usr/bin/env bash
# Coverage reading benchmark: generates coverlet-shaped Cobertura reports (default 25, 50 and 100 MB) and reads each
# with
#   read   QualityGate's CoverageReader.Read (benchmarks/coverage/CoverageBench, Release) -- stands in for
#          `dotnet gate check` until that exists
#   bare   the floor: one XmlReader pass over the same file that reads number and hits of every <line>
#   rg     ReportGenerator 5.6.0 (-reporttypes:TextSummary, the cheapest output), the usual tool for the job
# and prints the median wall seconds and peak RSS (MB) of each, the ratios to the bare pass, and the reader's
# seconds per MB at each size (linearity). It also checks that the reader's totals equal the generator's.
#
#   benchmarks/coverage/run.sh [--sizes "25 50 100"] [--runs R] [--idle-wait S] [--no-reportgenerator] [--keep]
#
#   --sizes "A B"        report sizes in MB (default "25 50 100")
#   --runs R             timed runs per tool and size (default 3), in rotating order; the median is reported
#   --idle-wait S        before each run, wait up to S seconds (default 20) until other processes use less than a
#                        quarter of a core: a shared machine's noise lands less in the figures
#   --no-reportgenerator skip ReportGenerator (it needs the NuGet feed and takes most of the time)
#   --keep               keep the temp folder (builds, reports, logs)
#
# Needs: dotnet (SDK 10), python3, /usr/bin/time (installed from Debian's `time` package when missing and root).
# Builds go to the temp folder (--artifacts-path), not to the projects' bin/obj. See docs/benchmarks-coverage.md.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SIZES="25 50 100"
RUNS=3
IDLE_WAIT=20
WITH_RG=1
KEEP=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) SIZES="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --idle-wait) IDLE_WAIT="$2"; shift 2 ;;
    --no-reportgenerator) WITH_RG=0; shift ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "error: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
for value in $SIZES "$RUNS" "$IDLE_WAIT"; do
  [[ "$value" =~ ^[0-9]+$ && "$value" -ge 0 ]] || { echo "error: '$value' is not a whole number" >&2; exit 2; }
done
[[ "$RUNS" -ge 1 ]] || { echo "error: --runs must be at least 1" >&2; exit 2; }

if [[ ! -x /usr/bin/time ]]; then
  if [[ "$(id -u)" == 0 ]]; then
    echo "==> installing Debian's time package (for /usr/bin/time -v)"
    (apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y time >/dev/null 2>&1; }) \
      || { echo "error: could not install the time package" >&2; exit 1; }
  else
    echo "error: /usr/bin/time is missing; install Debian's 'time' package" >&2
    exit 1
  fi
fi

WORK="$(mktemp -d -t qualitygate-coverage-bench.XXXXXX)"
cleanup() { if [[ "$KEEP" == 1 ]]; then echo "Kept: $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
EMPTY_REPO="$WORK/repo" # the reader maps paths against it; empty, so no folder walk pads the figures
mkdir -p "$EMPTY_REPO" "$WORK/reports" "$WORK/logs"

echo "==> building CoverageGen and CoverageBench (Release)"
for project in CoverageGen CoverageBench; do
  dotnet build "$SCRIPT_DIR/$project/$project.csproj" -c Release --artifacts-path "$WORK/artifacts" \
    > "$WORK/logs/build-$project.log" 2>&1 || { tail -n 30 "$WORK/logs/build-$project.log" >&2; exit 1; }
done
GEN="$(find "$WORK/artifacts/bin/CoverageGen" -name CoverageGen.dll | head -n 1)"
BENCH="$(find "$WORK/artifacts/bin/CoverageBench" -name CoverageBench.dll | head -n 1)"

RG=""
if [[ "$WITH_RG" == 1 ]]; then
  echo "==> installing ReportGenerator 5.6.0 into $WORK/tools"
  if dotnet tool install dotnet-reportgenerator-globaltool --version 5.6.0 --tool-path "$WORK/tools" \
      > "$WORK/logs/rg-install.log" 2>&1; then
    RG="$WORK/tools/reportgenerator"
  else
    # Fallback: the ReportGenerator package's own net8.0 build, rolled forward to the runtime that is here.
    echo "    the tool did not install; trying the ReportGenerator package"
    mkdir -p "$WORK/rgpkg"
    cat > "$WORK/rgpkg/rgpkg.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
  <ItemGroup><PackageReference Include="ReportGenerator" Version="5.6.0" /></ItemGroup>
</Project>
XML
    NUGET_PACKAGES="$WORK/rgpkg/packages" dotnet restore "$WORK/rgpkg/rgpkg.csproj" >> "$WORK/logs/rg-install.log" 2>&1 \
      || { tail -n 20 "$WORK/logs/rg-install.log" >&2; exit 1; }
    DLL="$(find "$WORK/rgpkg/packages/reportgenerator" -path '*net8.0*' -name ReportGenerator.dll | head -n 1)"
    [[ -n "$DLL" ]] || { echo "error: no net8.0 ReportGenerator.dll in the package" >&2; exit 1; }
    printf '#!/usr/bin/env bash\nDOTNET_ROLL_FORWARD=Major exec dotnet "%s" "$@"\n' "$DLL" > "$WORK/tools/reportgenerator"
    chmod +x "$WORK/tools/reportgenerator"
    RG="$WORK/tools/reportgenerator"
  fi
fi

wait_idle() {
  python3 - "$IDLE_WAIT" <<'PY'
import sys, time
def busy():
    with open("/proc/stat") as f:
        v = list(map(int, f.readline().split()[1:]))
    return sum(v) - v[3] - v[4], sum(v)
deadline = time.time() + float(sys.argv[1])
while True:
    b1, t1 = busy(); time.sleep(1); b2, t2 = busy()
    cores = (b2 - b1) / max(t2 - t1, 1) * __import__("os").cpu_count()
    if cores < 0.25 or time.time() >= deadline:
        break
PY
}

# One timed run: appends "tool size wall_seconds peak_rss_kb cpu_seconds" to the results file.
measure() {
  local tool="$1" size="$2" report="$3" log="$WORK/logs/$1-$2.log" out
  case "$tool" in
    read) set -- dotnet "$BENCH" read "$report" "$EMPTY_REPO" ;;
    bare) set -- dotnet "$BENCH" bare "$report" ;;
    rg)   out="$WORK/rg-out"; rm -rf "$out"
          set -- "$RG" "-reports:$report" "-targetdir:$out" -reporttypes:TextSummary -verbosity:Warning ;;
  esac
  wait_idle
  if ! /usr/bin/time -v "$@" > "$log" 2> "$log.time"; then
    echo "error: $tool failed on $report; see $log" >&2; cat "$log.time" >&2; exit 1
  fi
  python3 - "$tool" "$size" "$log.time" >> "$WORK/results.txt" <<'PY'
import re, sys
tool, size, path = sys.argv[1:4]
text = open(path).read()
m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", text)
wall = int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
cpu = sum(float(re.search(rf"{kind} time \(seconds\): ([\d.]+)", text).group(1)) for kind in ("User", "System"))
print(tool, size, wall, rss, cpu)
PY
}

TOOLS="read bare"
[[ -n "$RG" ]] && TOOLS="read bare rg"
: > "$WORK/results.txt"
for size in $SIZES; do
  report="$WORK/reports/coverage-$size.cobertura.xml"
  echo "==> generating a $size MB report"
  dotnet "$GEN" "$report" "$size" > "$WORK/reports/expected-$size.json"
  dotnet "$BENCH" read "$report" "$EMPTY_REPO" > "$WORK/reports/actual-$size.json"
  python3 - "$WORK/reports/expected-$size.json" "$WORK/reports/actual-$size.json" <<'PY'
import json, sys
expected, actual = (json.load(open(p)) for p in sys.argv[1:3])
keys = ["lines", "covered", "branchesCovered", "branchesValid"]
if any(expected[k] != actual[k] for k in keys):
    sys.exit(f"error: the reader counted {actual}, the generator wrote {expected}")
print(f"    {expected['bytes'] / 1048576:.1f} MB, {expected['lines']} distinct lines: the reader's totals match the generator's")
PY
  echo "==> timing $TOOLS on it, $RUNS runs each"
  for ((run = 0; run < RUNS; run++)); do
    # Rotate the order so that no tool always runs first (cold page cache) or last.
    set -- $TOOLS
    for ((i = 0; i < $#; i++)); do
      idx=$(( (i + run) % $# + 1 ))
      measure "${!idx}" "$size" "$report"
    done
  done
done

python3 - "$WORK/results.txt" "$(nproc)" <<'PY'
import collections, statistics, sys
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    tool, size, wall, rss, cpu = line.split()
    rows[(tool, int(size))].append((float(wall), int(rss) / 1024, float(cpu)))
names = {"read": "CoverageReader.Read", "bare": "bare XmlReader pass", "rg": "ReportGenerator 5.6.0"}
sizes = sorted({s for _, s in rows})
print()
print(f"Machine: {sys.argv[2]} cores; medians of {len(next(iter(rows.values())))} runs")
print(f"| size | tool | wall s | CPU s | peak RSS MB | wall / bare | CPU / bare | RSS / bare |")
print(f"|---:|---|---:|---:|---:|---:|---:|---:|")
for size in sizes:
    bare_wall, bare_rss, bare_cpu = (statistics.median(r[i] for r in rows[("bare", size)]) for i in range(3))
    for tool in ("read", "bare", "rg"):
        if (tool, size) not in rows:
            continue
        wall, rss, cpu = (statistics.median(r[i] for r in rows[(tool, size)]) for i in range(3))
        print(f"| {size} MB | {names[tool]} | {wall:.2f} | {cpu:.2f} | {rss:.0f} | {wall / bare_wall:.2f} | {cpu / bare_cpu:.2f} | {rss / bare_rss:.2f} |")
print()
print("Linearity (CoverageReader.Read): " + ", ".join(
    f"{size} MB: {statistics.median(r[0] for r in rows[('read', size)]) / size * 100:.2f} s per 100 MB, "
    f"{statistics.median(r[1] for r in rows[('read', size)]):.0f} MB RSS" for size in sizes))
if ("rg", sizes[-1]) in rows:
    size = sizes[-1]
    read_wall, read_rss = (statistics.median(r[i] for r in rows[("read", size)]) for i in range(2))
    rg_wall, rg_rss = (statistics.median(r[i] for r in rows[("rg", size)]) for i in range(2))
    print(f"At {size} MB ReportGenerator takes {rg_wall / read_wall:.1f}x the reader's time and {rg_rss / read_rss:.1f}x its memory.")
read_big, rss_big = (statistics.median(r[i] for r in rows[("read", sizes[-1])]) for i in range(2))
bare_big = statistics.median(r[0] for r in rows[("bare", sizes[-1])])
verdict = "meets" if read_big <= bare_big * 1.05 and rss_big <= 120 else "MISSES"
print(f"Goal (no slower than the bare pass, at most 120 MB): the reader {verdict} it at {sizes[-1]} MB "
      f"({read_big:.2f} s vs {bare_big:.2f} s, {rss_big:.0f} MB).")
PY
