#!/usr/bin/env bash
# Merging the coverage of CI shards: 8 reports per run, at three total sizes, to show the merge stays linear in the
# total size. Uses benchmarks/coverage/CoverageGen for coverlet-shaped Cobertura reports (a different seed per shard:
# different hits, overlapping files). Prints wall seconds, MB/s and peak RSS per size.
#   benchmarks/shards/run.sh [--shards 8] [--sizes "50 100 200"]   (total MB per run)
set -euo pipefail
SCRIPT_DIR="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$SCRIPT_DIR/../.." && pwd)"
SHARDS=8
SIZES="50 100 200"
while [ $# -gt 0 ]; do
  case "$1" in
    --shards) SHARDS="$2"; shift 2 ;;
    --sizes) SIZES="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

if [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq time >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq time >/dev/null); else echo "needs /usr/bin/time (Debian package 'time')" >&2; exit 1; fi
fi

WORK="$(mktemp -d -t qualitygate-shard-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
echo "==> building (Release)"
dotnet build "$REPO/benchmarks/coverage/CoverageGen/CoverageGen.csproj" -c Release --artifacts-path "$WORK/artifacts" -v q -nologo >/dev/null
dotnet build "$SCRIPT_DIR/MergeBench/MergeBench.csproj" -c Release --artifacts-path "$WORK/artifacts" -v q -nologo >/dev/null
GEN="$(find "$WORK/artifacts/bin/CoverageGen" -name CoverageGen.dll | head -n 1)"
BENCH="$(find "$WORK/artifacts/bin/MergeBench" -name MergeBench.dll | head -n 1)"

printf '\n%-10s %-8s %-10s %-10s %-10s %-12s %s\n' "total MB" "shards" "seconds" "MB/s" "peak MB" "files" "merged lines covered/valid"
for size in $SIZES; do
  per=$(python3 -c "print($size/$SHARDS)")
  reports=()
  for shard in $(seq 1 "$SHARDS"); do
    report="$WORK/shard-$size-$shard.cobertura.xml"
    dotnet "$GEN" "$report" "$per" "$shard" >/dev/null
    reports+=("$report")
  done
  /usr/bin/time -v -o "$WORK/time.txt" dotnet "$BENCH" /home/runner/work/big/big "${reports[@]}" >"$WORK/out.json"
  peak=$(awk -F: '/Maximum resident set size/ {print int($2/1024)}' "$WORK/time.txt")
  python3 - "$WORK/out.json" "$peak" "$SHARDS" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"{r['inputMB']:<10} {sys.argv[3]:<8} {r['seconds']:<10} {r['inputMB']/r['seconds']:<10.1f} {sys.argv[2]:<10} {r['files']:<12} {r['lines'][0]}/{r['lines'][1]}")
PY
  rm -f "${reports[@]}"
done
