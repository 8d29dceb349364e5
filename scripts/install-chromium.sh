#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium and a font, for scripts/render-report-sample.sh (the docs' screenshot).
# Debian or Ubuntu, as root. Nothing else in the build needs a browser.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends chromium fonts-dejavu-core
chromium --version
