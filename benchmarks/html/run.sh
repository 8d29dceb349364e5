#!/usr/bin/env bash
# The HTML report of a large repository: generates N source files (default 3,000) with coverage and a baseline,
# publishes the reports (benchmarks/html/HtmlBench), then opens the report and its largest source page in headless
# Chromium (scripts/install-chromium.sh) and measures, by the DevTools protocol, first paint, load and first frame,
# scrolling to a file table, re-sorting it, and opening every layer (measure.mjs; node 20+).
#   benchmarks/html/run.sh [--files 3000] [--runs 5]
set -euo pipefail
SCRIPT_DIR="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$SCRIPT_DIR/../.." && pwd)"
FILES=3000
RUNS=5
while [ $# -gt 0 ]; do
  case "$1" in
    --files) FILES="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

WORK="$(mktemp -d -t qualitygate-html-bench.XXXXXX)"
CHROMIUM_PID=""
cleanup() {
  if [ -n "$CHROMIUM_PID" ]; then kill "$CHROMIUM_PID" 2>/dev/null || true; wait "$CHROMIUM_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "==> building (Release)"
dotnet build "$SCRIPT_DIR/HtmlBench/HtmlBench.csproj" -c Release --artifacts-path "$WORK/artifacts" -v q -nologo >/dev/null
BENCH="$(find "$WORK/artifacts/bin/HtmlBench" -name HtmlBench.dll | awk 'NR == 1')"

echo "==> generating $FILES files and publishing their reports"
dotnet "$BENCH" "$WORK/run" "$FILES" | tee "$WORK/publish.json"
REPORT="$WORK/run/reports/qualitygate-report.html"
PAGE="$(ls -S "$WORK/run/reports/files/"*.html | awk 'NR == 1')"

PORT=$((9300 + RANDOM % 500))
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update \
  --disable-sync --user-data-dir="$WORK/profile" --remote-debugging-port="$PORT" about:blank >"$WORK/chromium.log" 2>&1 &
CHROMIUM_PID=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$PORT/json/version" >/dev/null && break; sleep 0.2; done

echo "==> the report ($(du -h "$REPORT" | cut -f1)), $RUNS runs"
node --experimental-websocket --no-warnings "$SCRIPT_DIR/measure.mjs" "$PORT" "file://$REPORT" "$RUNS"
echo "==> its largest source page ($(du -h "$PAGE" | cut -f1)), $RUNS runs"
node --experimental-websocket --no-warnings "$SCRIPT_DIR/measure.mjs" "$PORT" "file://$PAGE" "$RUNS" | tail -n 1
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
