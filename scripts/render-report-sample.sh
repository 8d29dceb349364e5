#!/usr/bin/env bash
# Renders the docs' pictures of the published reports in headless Chromium (install it with scripts/install-chromium.sh;
# node 20+ for the DevTools screenshots):
# - the docs sample (PublishTests.The_docs_sample_is_a_complete_report), which writes the HTML report, badges and step
#   summary to a folder: docs/images/report.png and two badges;
# - the drill-down, from the README's sample run with phase 2 (which fails the build on purpose): its "What closes the
#   gap" and "Files by layer" sections and InvoiceWorker.cs's source page, docs/images/drill-down-*.png.
set -euo pipefail
cd "$(dirname "$0")/.."
sample="$(mktemp -d)"
profile="$(mktemp -d)"
chromium_pid=""
cleanup() {
  if [ -n "$chromium_pid" ]; then kill "$chromium_pid" 2>/dev/null || true; wait "$chromium_pid" 2>/dev/null || true; fi
  rm -rf "$sample" "$profile"
}
trap cleanup EXIT

QUALITYGATE_SAMPLE_DIR="$sample" dotnet test tests/QualityGate.Core.Tests \
  --filter "FullyQualifiedName=QualityGate.Tests.Reports.PublishTests.The_docs_sample_is_a_complete_report" --nologo -v q

mkdir -p docs/images
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile/shot" --hide-scrollbars \
  --screenshot="$PWD/docs/images/report.png" --window-size=1200,1600 "file://$sample/qualitygate-report.html"
cp "$sample/badges/services.svg" docs/images/badge-services.svg
cp "$sample/badges/total.svg" docs/images/badge-total.svg

dotnet test samples/Shop.Tests --logger gate --collect "XPlat Code Coverage" -p:QualityGatePhase=phase-2 --nologo -v q >/dev/null || true
reports="$PWD/samples/Shop.Tests/TestResults/qualitygate/Shop.Tests.net10.0"
port=$((9300 + RANDOM % 500))
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update \
  --disable-sync --hide-scrollbars --user-data-dir="$profile/devtools" --remote-debugging-port="$port" about:blank >/dev/null 2>&1 &
chromium_pid=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/json/version" >/dev/null && break; sleep 0.2; done
shoot() { node --experimental-websocket --no-warnings scripts/screenshot.mjs "$port" "$@"; }
shoot "file://$reports/qualitygate-report.html" docs/images/drill-down-gaps.png "#gaps"
shoot "file://$reports/qualitygate-report.html" docs/images/drill-down-files.png "#files"
shoot "file://$(ls "$reports"/files/invoiceworker.cs-*.html)" docs/images/drill-down-source.png "header, section"
ls -l docs/images
