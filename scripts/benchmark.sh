#!/usr/bin/env bash
# Builds the benchmarks (Release with debug info) and runs them; the figures in
# docs/PERFORMANCE.md come from this command. Extra arguments go to every benchmark
# (for example --benchmark_repetitions=5).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default
for bench in build/default/tests/benchmarks/bench_*; do
  [ -x "$bench" ] || continue
  echo "== $(basename "$bench")"
  "$bench" --benchmark_min_time=0.5 "$@"
done
