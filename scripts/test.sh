#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a passing test suite: installs
# what is needed, builds with AddressSanitizer and UndefinedBehaviorSanitizer,
# runs every GoogleTest through CTest (unit tests, bad-input tests and the
# golden end-to-end tests on the bundled samples).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-deps.sh --test
scripts/build.sh build-asan -DGREENMINE_SANITIZE=ON
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export OMP_THREAD_LIMIT=1
(cd build-asan && ctest --output-on-failure -j2 --timeout 1500)
fuzz_seconds=${GREENMINE_FUZZ_SECONDS:-30}
if [[ $fuzz_seconds != 0 ]]; then
  scripts/fuzz.sh "$fuzz_seconds"
fi
