#!/usr/bin/env bash
# Logger overhead benchmark: runs a generated xunit suite (default 20,000 results, 2 % failing with
# assorted exceptions) with no logger, with --logger trx and with --logger gate, and prints the
# ratios and the vstest.console peak memory; then the peak memory at N/4 and N results.
#
#   benchmarks/logger/run.sh [--tests N] [--runs R] [--growth-runs G] [--idle-wait S] [--keep]
#
#   --tests N        results in the suite (default 20000); the memory-growth step also runs N/4
#   --runs R         timed runs per mode (default 5), in rotating order, after one warm-up round
#   --growth-runs G  runs per mode and size for the memory-growth step (default 2; 0 skips it)
#   --idle-wait S    before each run, wait up to S seconds (default 20) until other processes use
#                    less than a quarter of a core: a shared machine's noise lands less in the figures
#   --keep           keep the temp folder (package feed, generated project, logs, raw results)
#
# Needs: dotnet (SDK 10), python3, Linux /proc. Nothing is installed. The package is packed from this
# working tree into a temp feed (build outputs go to the temp folder, not to src/*/bin|obj), and the
# generated project restores it into a temp NUGET_PACKAGES. The test runs exit 1 because of the
# failures: that is expected. See docs/benchmarks.md for what is measured and the last figures.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$SCRIPT_DIR/../.." && pwd)"

TESTS=20000
RUNS=5
GROWTH_RUNS=2
IDLE_WAIT=20
KEEP=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --tests) TESTS="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --growth-runs) GROWTH_RUNS="$2"; shift 2 ;;
    --idle-wait) IDLE_WAIT="$2"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "error: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
for value in "$TESTS" "$RUNS" "$GROWTH_RUNS" "$IDLE_WAIT"; do
  [[ "$value" =~ ^[0-9]+$ ]] || { echo "error: '$value' is not a number" >&2; exit 2; }
done
(( TESTS >= 200 )) || { echo "error: --tests must be at least 200" >&2; exit 2; }
(( RUNS >= 1 )) || { echo "error: --runs must be at least 1" >&2; exit 2; }
for tool in dotnet python3; do
  command -v "$tool" >/dev/null || { echo "error: $tool is required" >&2; exit 1; }
done
[[ -r /proc/self/status ]] || { echo "error: /proc is required (Linux)" >&2; exit 1; }

FAILURES=$(( TESTS / 50 ))
SMALL=$(( TESTS / 4 ))
SMALL_FAILURES=$(( SMALL / 50 ))

WORK="$(mktemp -d -t qualitygate-logger-bench.XXXXXX)"
cleanup() {
  if (( KEEP )); then echo "kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

FEED="$WORK/feed"
PROJ="$WORK/LoggerBench"
LOGS="$WORK/logs"
RESULTS="$WORK/results.jsonl"
mkdir -p "$FEED" "$LOGS"

# No build servers or reusable MSBuild nodes left behind, no first-run noise in the measurements.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0

fail_with_log() {
  echo "error: $1 (log: $2)" >&2
  tail -n 40 "$2" >&2 || true
  KEEP=1
  exit 1
}

echo "== machine"
echo "nproc: $(nproc)   dotnet: $(dotnet --version)   kernel: $(uname -r)"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')   memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
if command -v git >/dev/null && git -C "$REPO" rev-parse --git-dir >/dev/null 2>&1; then
  echo "source: $(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" diff --quiet HEAD -- src build buildMultiTargeting 2>/dev/null || echo ' + uncommitted changes in src/ or build/')"
fi

echo "== packing QualityGate from $REPO"
# From the repository root: the package project's PackagePath values are resolved against the current directory.
if ! (cd "$REPO" && dotnet pack src/QualityGate.Package -c Release -o "$FEED" \
        --artifacts-path "$WORK/artifacts" -p:UseSharedCompilation=false) > "$LOGS/pack.log" 2>&1; then
  fail_with_log "dotnet pack failed" "$LOGS/pack.log"
fi
shopt -s nullglob
packages=("$FEED"/QualityGate.*.nupkg)
shopt -u nullglob
(( ${#packages[@]} == 1 )) || fail_with_log "expected one QualityGate package in $FEED, found ${#packages[@]}" "$LOGS/pack.log"
VERSION="$(basename "${packages[0]}" .nupkg)"
VERSION="${VERSION#QualityGate.}"
echo "package: $(basename "${packages[0]}") (version $VERSION)"

echo "== generating and building the suite"
python3 "$SCRIPT_DIR/generate.py" --out "$PROJ" --tests "$TESTS" --version "$VERSION" --feed "$FEED"
export NUGET_PACKAGES="$WORK/packages"
if ! (cd "$PROJ" && dotnet build -c Release -p:UseSharedCompilation=false) > "$LOGS/build.log" 2>&1; then
  fail_with_log "dotnet build of the generated suite failed" "$LOGS/build.log"
fi
[[ -f "$PROJ/bin/Release/net10.0/QualityGate.LoggerBench.dll" ]] \
  || fail_with_log "the build did not produce the test assembly" "$LOGS/build.log"
compgen -G "$NUGET_PACKAGES/qualitygate/$VERSION/tools/logger/QualityGate.TestLogger.dll" >/dev/null \
  || fail_with_log "QualityGate $VERSION was not restored from the temp feed (no tools/logger/QualityGate.TestLogger.dll)" "$LOGS/build.log"
ASSEMBLY_FILE="QualityGate.LoggerBench.net10.0.qualitygate.json"
# Run from the suite's folder, so its global.json (test runner: VSTest) applies whatever the caller's folder says.
cd "$PROJ"

# run_one KIND MODE TESTS FAILURES ROUND
run_one() {
  local kind="$1" mode="$2" tests="$3" failures="$4" round="$5"
  local out="$WORK/out/$kind-$mode-$tests-$round"
  local log="$LOGS/$kind-$mode-$tests-$round.log"
  local logger=()
  case "$mode" in
    none) ;;
    trx) logger=(--logger trx) ;;
    gate) logger=(--logger gate) ;;
    gate-quiet) logger=(--logger "gate;Verbosity=quiet") ;;
    *) echo "error: unknown mode $mode" >&2; exit 1 ;;
  esac
  rm -rf "$out"
  # dotnet test exits 1 because tests fail on purpose; measure.py records the exit code and does not fail on it.
  python3 "$SCRIPT_DIR/measure.py" run --kind "$kind" --mode "$mode" --tests "$tests" --failures "$failures" \
    --round "$round" --idle-wait "$IDLE_WAIT" --log "$log" --out "$RESULTS" -- \
    dotnet test "$PROJ/LoggerBench.csproj" --no-build -c Release --results-directory "$out" ${logger[@]+"${logger[@]}"} \
    || fail_with_log "measuring $mode failed" "$log"

  # Every run must have run the whole suite, and each logger must have done its job (and only its job).
  grep -Eq "Failed: +$failures, Passed: +$(( tests - failures )), Skipped: +0, Total: +$tests" "$log" \
    || fail_with_log "$mode: the run did not report $tests results with $failures failures" "$log"
  local trx=("$out"/*.trx)
  case "$mode" in
    none)
      [[ ! -e "$out/$ASSEMBLY_FILE" && ! -e "${trx[0]}" ]] || fail_with_log "$mode: a results file was written" "$log" ;;
    trx)
      [[ -s "${trx[0]}" ]] || fail_with_log "$mode: no .trx file in $out" "$log" ;;
    gate*)
      python3 "$SCRIPT_DIR/measure.py" check --file "$out/$ASSEMBLY_FILE" --tests "$tests" --failures "$failures" \
        || fail_with_log "$mode: the gate results file is wrong" "$log" ;;
  esac
  rm -rf "$out"
}

MODES=(none trx gate gate-quiet)
rotated() { # rotated BY ITEMS...: the items, starting at index BY
  local by="$1"; shift
  local items=("$@") n=$#
  for (( i = 0; i < n; i++ )); do echo "${items[$(( (i + by) % n ))]}"; done
}

echo "== warm-up (1 run per mode, not counted)"
for mode in "${MODES[@]}"; do run_one warmup "$mode" "$TESTS" "$FAILURES" 0; done

echo "== timed: $RUNS runs per mode, $TESTS results, $FAILURES failing"
for (( round = 0; round < RUNS; round++ )); do
  for mode in $(rotated "$round" "${MODES[@]}"); do run_one timed "$mode" "$TESTS" "$FAILURES" "$round"; done
done

if (( GROWTH_RUNS > 0 )); then
  echo "== memory growth: $SMALL and $TESTS results, $SMALL_FAILURES failing in both, $GROWTH_RUNS runs each"
  for (( round = 0; round < GROWTH_RUNS; round++ )); do
    for mode in $(rotated "$round" none trx gate); do
      for size in "$SMALL" "$TESTS"; do run_one growth "$mode" "$size" "$SMALL_FAILURES" "$round"; done
    done
  done
fi

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "== results"
python3 "$SCRIPT_DIR/measure.py" report "$RESULTS" --tests "$TESTS"
