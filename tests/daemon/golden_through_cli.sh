#!/usr/bin/env bash
# Replays one golden script (tests/golden/NN-*.script, recorded at Docker Engine 20.10.24)
# through the real docker CLI against `lifecycle-lab daemon` on the golden world, with
# tests/golden/record.sh itself, and compares the normalized transcripts word for word.
# The daemon runs on the wall clock, as Docker does: the CLI computes ages and
# `events --since 15s` from its own clock.
# usage: golden_through_cli.sh LIFECYCLE_LAB NORMALIZE_TRANSCRIPT SCRIPT
# Exits 77 (skipped) when the docker CLI is not installed.
set -uo pipefail
lab=${1:?usage: golden_through_cli.sh LIFECYCLE_LAB NORMALIZE_TRANSCRIPT SCRIPT}
normalize=${2:?}
script=${3:?}
golden=$(cd "$(dirname "$script")" && pwd)
command -v docker >/dev/null || { echo "skipped: no docker CLI on PATH"; exit 77; }
work=$(mktemp -d)
daemon_pid=
cleanup() {
  [ -z "$daemon_pid" ] || { kill "$daemon_pid" 2>/dev/null; wait "$daemon_pid" 2>/dev/null; }
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' TERM INT   # a timeout still stops the daemon
"$lab" daemon --socket "$work/docker.sock" --world "$golden/world.json" --seed 1 \
  --clock wall >"$work/daemon.out" 2>&1 &
daemon_pid=$!
for _ in $(seq 100); do
  [ -S "$work/docker.sock" ] && break
  kill -0 "$daemon_pid" 2>/dev/null || { cat "$work/daemon.out"; exit 1; }
  sleep 0.1
done
export DOCKER_HOST=unix://$work/docker.sock DOCKER_CONFIG=$work/config
"$golden/record.sh" "$script" >"$work/lab.transcript"
"$normalize" "${script%.script}.transcript" >"$work/docker.normalized"
"$normalize" "$work/lab.transcript" >"$work/lab.normalized"
if ! diff -u --label "Docker 20.10.24" --label "the lab through the docker CLI" \
  "$work/docker.normalized" "$work/lab.normalized"; then
  echo "FAIL: $(basename "$script") differs through the real CLI"
  exit 1
fi
echo "$(basename "$script"): $(grep -vc '^@sleep' "$script") command lines, same output, exit status and streams"
