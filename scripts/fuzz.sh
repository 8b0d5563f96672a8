#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan + libFuzzer) and runs
# each for a bounded time on a seed corpus made from the samples and fixtures.
#   scripts/fuzz.sh [SECONDS_EACH] [TARGET...]     (default 20 s each, every target)
# A crash leaves its input as build-fuzz/crash-*; the script then fails.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
shift || true
if [[ ! -f build-fuzz/CMakeCache.txt ]]; then
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -DGREENMINE_FUZZ=ON -DGREENMINE_SANITIZE=ON \
    -DGREENMINE_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  for f in tests/fuzz/fuzz_*.cc; do targets+=("$(basename "${f%.cc}")"); done
fi
# (Not nproc: it honours OMP_THREAD_LIMIT=1, which the test script exports.)
cmake --build build-fuzz -j"$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)" --target "${targets[@]}" -- -s >/dev/null
export ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1
status=0
bin=$PWD/build-fuzz/tests/fuzz
for t in "${targets[@]}"; do
  corpus=$PWD/build-fuzz/corpus-$t
  log=$PWD/build-fuzz/fuzz-$t.log
  mkdir -p "$corpus"
  seeds=$PWD/tests/fuzz/seeds/$t
  [[ -d $seeds ]] || seeds=""
  echo "fuzz: $t for ${seconds}s" >&2
  # Crash inputs land in build-fuzz/ (-artifact_prefix).
  if ! "$bin/$t" -max_total_time="$seconds" -max_len=1048576 -rss_limit_mb=2048 -timeout=20 \
        -artifact_prefix="$PWD/build-fuzz/" -print_final_stats=1 "$corpus" ${seeds:+"$seeds"} 2>"$log"; then
    echo "fuzz: $t FAILED — see build-fuzz/fuzz-$t.log" >&2
    tail -30 "$log" >&2
    status=1
  else
    grep -E 'stat::number_of_executed_units' "$log" | sed "s/^/fuzz: $t /" >&2 || true
  fi
done
exit $status
