#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to review workbooks: installs what
# is needed, builds, and runs greenmine on the bundled samples.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-deps.sh
scripts/build.sh build
out=${OUT:-out/demo}
status=0
build/greenmine run --inbox samples/inbox --out "$out" \
  --blacklist samples/blacklist.txt --as-of "$(cat samples/as_of.txt)" || status=$?
echo
echo "Review workbooks: $out/review/    Batch summary: $out/summary.xlsx    Records: $out/records/"
exit $status
