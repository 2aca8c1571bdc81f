#!/usr/bin/env bash
# Records every NN-*.scenario in this folder against the default Docker engine:
# expand -> script -> transcript. With ROUNDS=2 it records everything twice
# (into OUT/round1, OUT/round2) and diffs the normalized results, normalized by the tests'
# own normalizer (the normalize-transcript target of the default build, or $NORMALIZE).
# usage: record-all.sh [OUT]   (default OUT: this folder, single round)
set -u
here=$(cd "$(dirname "$0")" && pwd)
rounds=${ROUNDS:-1}
only=${ONLY:-}
normalize=${NORMALIZE:-$here/../../build/default/tests/normalize-transcript}
if [ "$rounds" -gt 1 ] && [ ! -x "$normalize" ]; then
  echo "record-all.sh: $normalize is missing: cmake --build build/default --target normalize-transcript" >&2
  exit 2
fi
for round in $(seq 1 "$rounds"); do
  # (03 and 07 wait out their event windows themselves; this is a second guard)
  [ "$round" -gt 1 ] && sleep 25
  out=${1:-$here}; [ "$rounds" -gt 1 ] && out="$out/round$round"
  mkdir -p "$out"
  for sc in "$here"/[0-9][0-9]-*.scenario; do
    name=$(basename "$sc" .scenario)
    [ -n "$only" ] && [[ "$name" != $only ]] && continue
    "$here/setup.sh" >/dev/null                     # pulled images off the disk again
    "$here/expand.sh" "$sc" >"$here/$name.script"
    echo "recording $name (round $round)" >&2
    "$here/record.sh" "$here/$name.script" >"$out/$name.transcript"
    docker rm -f $(docker ps -aq) >/dev/null 2>&1   # no destroy events at the next start
  done
done
docker rm -f $(docker ps -aq) >/dev/null 2>&1
if [ "$rounds" -gt 1 ]; then
  status=0
  for t in "${1:-$here}"/round1/*.transcript; do
    n=$(basename "$t")
    if diff <("$normalize" "$t") <("$normalize" "${1:-$here}/round2/$n") >/dev/null; then
      echo "same: $n"
    else
      echo "DIFFERENT: $n"; status=1
    fi
  done
  exit $status
fi
