#!/usr/bin/env bash
# Installs the Debian packages noticelint builds with (skips what is present); with --test,
# also those the test suite needs; with --bench, those bench/run.sh measures against.
# Usage: tools/deps.sh [--test | --bench]
set -euo pipefail
pkgs=(build-essential cmake pkg-config libpcre2-dev libyaml-dev libcjson-dev libvectorscan-dev
  libxml2-dev libzip-dev libpoppler-glib-dev libsqlite3-dev)
if [ "${1:-}" = "--test" ]; then
  pkgs+=(libcmocka-dev python3 git nodejs python3-jsonschema python3-yaml pre-commit clang libclang-rt-14-dev)
  # The browser test renders the HTML report in headless Chromium; the font shows its Chinese.
  pkgs+=(chromium fonts-noto-cjk)
  # The SARIF test installs the SARIF multitool with npm; some nodejs builds bundle npm.
  command -v npm >/dev/null 2>&1 || pkgs+=(npm)
fi
[ "${1:-}" = "--bench" ] && pkgs+=(time pcre2-utils python3)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
