#!/usr/bin/env bash
# Installs dependencies, builds noticelint, and lints the bundled sample notices with the
# default rule pack.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DNL_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
set +e
./build/noticelint fixtures/seeds/
rc=$?
set -e
echo "noticelint exit status: $rc (0 clean, 1 findings at or above --fail-level, 2 input or usage failure)"
[ "$rc" -le 1 ]
