#!/usr/bin/env bash
# MTP overhead of '--gate' (issue 11): a generated MSTest.Sdk suite (default 20,000 results, 2 % failing) run with
# 'dotnet test --no-build' in Microsoft.Testing.Platform mode: no QualityGate, --gate, and --report-trx. Prints medians,
# ratios and the test host's peak memory; then the peak memory at N/4 and N results (memory flat in passing tests).
#
#   benchmarks/mtp/run.sh [--tests N] [--runs R] [--keep]
#
# Needs dotnet (SDK 10), python3, Linux /proc. Packs this working tree into a temp feed; installs nothing.
# Figures and the machine they came from: docs/benchmarks.md ("MTP overhead").
set -euo pipefail
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$SCRIPT_DIR/../.." && pwd)"
TESTS=20000; RUNS=5; KEEP=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --tests) TESTS="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    *) echo "error: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
WORK="$(mktemp -d -t qualitygate-mtp-bench.XXXXXX)"
trap '(( KEEP )) && echo "kept: $WORK" || rm -rf "$WORK"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0
echo "nproc: $(nproc)   dotnet: $(dotnet --version)   load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "source: $(git -C "$REPO" rev-parse --short HEAD)"
(cd "$REPO" && dotnet pack src/QualityGate.Package -c Release -o "$WORK/feed" --artifacts-path "$WORK/artifacts") > "$WORK/pack.log" 2>&1 \
  || { tail -30 "$WORK/pack.log"; exit 1; }
VERSION="$(basename "$(ls "$WORK"/feed/QualityGate.*.nupkg)" .nupkg)"; VERSION="${VERSION#QualityGate.}"
python3 "$SCRIPT_DIR/generate.py" --out "$WORK/suite" --tests "$TESTS" --version "$VERSION" --feed "$WORK/feed"
export NUGET_PACKAGES="$WORK/packages"
(cd "$WORK/suite" && dotnet build -c Release) > "$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log"; exit 1; }
cd "$WORK/suite"

run() { # run MODE TESTS [FAILURES]
  local args=()
  case "$1" in none) ;; gate) args=(--gate --gate-verbosity quiet) ;; trx) args=(--report-trx) ;; esac
  rm -rf TestResults
  QG_BENCH_TESTS="$2" QG_BENCH_FAILURES="${3:-$(( $2 / 50 ))}" python3 "$SCRIPT_DIR/measure.py" --app QualityGate.MtpBench -- \
    dotnet test --no-build -c Release ${args[@]+"${args[@]}"} | sed "s/^{/{\"mode\": \"$1\", \"tests\": $2, /"
  if [[ "$1" == gate ]]; then
    python3 - "$2" <<'PY'
import json, sys, glob
tests = int(sys.argv[1])
data = json.load(open(glob.glob("TestResults/QualityGate.MtpBench.net10.0.qualitygate.json")[0]))
assert data["run"]["summary"]["total"] == tests, data["run"]["summary"]
PY
  fi
}

: > "$WORK/results.jsonl"
MODES=(none gate trx)
run none "$TESTS" > /dev/null; run gate "$TESTS" > /dev/null   # warm-up
for (( round = 0; round < RUNS; round++ )); do
  for (( k = 0; k < 3; k++ )); do run "${MODES[$(( (k + round) % 3 ))]}" "$TESTS" >> "$WORK/results.jsonl"; done
done
# Memory growth: the same number of failures at both sizes, so only passing results are added.
for mode in none gate; do for size in $(( TESTS / 4 )) "$TESTS"; do run "$mode" "$size" $(( TESTS / 200 )) | sed 's/"mode": "/"mode": "growth-/' >> "$WORK/results.jsonl"; done; done
python3 - "$WORK/results.jsonl" "$TESTS" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
n = int(sys.argv[2])
def med(mode, key, tests=n):
    return statistics.median(r[key] for r in rows if r["mode"] == mode and r["tests"] == tests)
print(f"| mode | wall s (median) | vs none | test host peak MB | controller peak MB |")
print("|---|---|---|---|---|")
for mode in ("none", "gate", "trx"):
    print(f"| {mode} | {med(mode,'wall_s'):.2f} | {med(mode,'wall_s')/med('none','wall_s'):.3f}x | {med(mode,'host_peak_kb')/1024:.0f} | {med(mode,'controller_peak_kb')/1024:.0f} |")
print(f"gate/none = {med('gate','wall_s')/med('none','wall_s'):.3f}x   gate/trx = {med('gate','wall_s')/med('trx','wall_s'):.3f}x")
for mode in ("none", "gate"):
    small, big = med("growth-" + mode, "host_peak_kb", n // 4), med("growth-" + mode, "host_peak_kb")
    print(f"{mode}: test host peak {small/1024:.0f} MB at {n//4} results, {big/1024:.0f} MB at {n}: "
          f"{(big-small)/1024/((n - n//4)/1000):.2f} MB per 1,000 more passing results")
PY
