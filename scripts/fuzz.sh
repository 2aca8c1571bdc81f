#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in build/fuzz and runs each for a
# bounded time on a copy of its committed seed corpus (tests/fuzz/corpus/TARGET). A crash, a
# sanitizer report or a slow input fails the run and leaves the input in build/fuzz.
#   scripts/fuzz.sh            every target, 30 s each
#   scripts/fuzz.sh 5 shell    5 s, only fuzz_shell
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(api_request console_line go_template image_archive session_file shell world_file)

build=build/fuzz
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DLAB_FUZZ=ON -DLAB_BUILD_TESTS=OFF -DLAB_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$build" -j2 --target "${targets[@]/#/fuzz_}"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  cp -n tests/fuzz/corpus/"$target"/* "$corpus"/
  echo "fuzz_$target: $seconds s"
  # -timeout: an input that takes longer is a stall; -rss_limit_mb: one that grows is a leak.
  (cd "$build" && "./tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=60 \
    -rss_limit_mb=3072 -print_final_stats=0 "corpus/$target" 2>"fuzz_$target.log") \
    || { tail -60 "$build/fuzz_$target.log"; exit 1; }
done
