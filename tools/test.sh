#!/usr/bin/env bash
# Installs dependencies, builds with AddressSanitizer + UndefinedBehaviorSanitizer, runs each
# fuzz harness briefly, and runs the whole test suite (unit, golden, CLI, workflow, hostile-input
# and consistency tests) through ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh --test
cmake -S . -B build-test -DCMAKE_BUILD_TYPE=Debug -DNL_SANITIZE=ON -DNL_WERROR=ON >/dev/null
cmake --build build-test -j"$(nproc)"
# A short libFuzzer run of each harness (decode+model+facts, rule loader, full lint).
fuzz/run.sh "${NL_FUZZ_SECONDS:-15}"
cd build-test
ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --output-on-failure -j"$(nproc)"
