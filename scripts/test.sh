#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test.
#   scripts/test.sh             the normal build
#   scripts/test.sh --sanitize  the same suite built with ASan and UBSan
# The normal run ends with the package check (scripts/check-package.sh) and the libFuzzer
# targets (scripts/fuzz.sh, about two minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
preset=default
[ "${1:-}" = "--sanitize" ] && preset=sanitize
scripts/install-deps.sh
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
ctest --preset "$preset" -j2
if [ "$preset" = default ]; then
  # The .deb: linted, installed, run from the installed files, purged.
  scripts/check-package.sh "build/$preset"
  # The fuzz targets, 30 s each (their build is instrumented with ASan + UBSan already).
  scripts/fuzz.sh 30
fi
