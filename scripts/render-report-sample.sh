#!/usr/bin/env bash
# Renders the docs' sample of the published reports: runs the sample test (PublishTests.The_docs_sample_is_a_complete_report),
# which writes the HTML report, badges and step summary to a folder, then screenshots the HTML in headless Chromium
# (install it with scripts/install-chromium.sh) into docs/images/report.png and copies two badges beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
sample="$(mktemp -d)"
profile="$(mktemp -d)"
trap 'rm -rf "$sample" "$profile"' EXIT

QUALITYGATE_SAMPLE_DIR="$sample" dotnet test tests/QualityGate.Core.Tests \
  --filter "FullyQualifiedName=QualityGate.Tests.Reports.PublishTests.The_docs_sample_is_a_complete_report" --nologo -v q

mkdir -p docs/images
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars \
  --screenshot="$PWD/docs/images/report.png" --window-size=1200,1600 "file://$sample/qualitygate-report.html"
cp "$sample/badges/services.svg" docs/images/badge-services.svg
cp "$sample/badges/total.svg" docs/images/badge-total.svg
ls -l docs/images
