#!/usr/bin/env bash
# Configures and builds greenmine into a build folder; quiet when up to date.
#   scripts/build.sh [BUILD_DIR] [extra cmake options...]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}
shift || true
if [[ ! -f "$dir/CMakeCache.txt" ]]; then
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
fi
jobs=$(nproc 2>/dev/null || echo 2)
cmake --build "$dir" -j"$jobs" -- --no-print-directory -s 2>&1 | { grep -vE '^(\[|Consolidate|Scanning|Built target)' || true; }
exit "${PIPESTATUS[0]}"
