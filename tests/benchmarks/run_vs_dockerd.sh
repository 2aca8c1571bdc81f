#!/usr/bin/env bash
# `docker run --rm busybox true` through the real docker CLI against the lab's daemon and
# against a real dockerd (Debian's docker.io), in the same run, alternating one against the
# other, so that both meet the same machine. Issue 14's target: the lab at most a quarter of
# dockerd's time. The figures go to docs/PERFORMANCE.md.
#
# dockerd runs on its own socket and data root under a temporary folder, with no networking
# (--iptables=false --ip-masq=false --bridge=none) and the vfs storage driver; it gets a busybox
# image made from the host's busybox, as tests/golden/setup.sh makes busybox:local. Everything
# the script started is stopped at the end (only those PIDs).
# usage: run_vs_dockerd.sh LIFECYCLE_LAB [ROUNDS]   (default 20 rounds)
# Exits 77 (skipped) with the reason when the docker CLI, dockerd, containerd, busybox or root
# is missing.
set -uo pipefail
lab=${1:?usage: run_vs_dockerd.sh LIFECYCLE_LAB [ROUNDS]}
rounds=${2:-20}
skip() { echo "skipped: $*"; exit 77; }
command -v docker >/dev/null || skip "no docker CLI on PATH"
command -v dockerd >/dev/null || skip "no dockerd (apt-get install docker.io)"
command -v containerd >/dev/null || skip "no containerd (apt-get install docker.io)"
[ -x /bin/busybox ] || skip "no /bin/busybox to make the image from (apt-get install busybox-static)"
[ "$(id -u)" = 0 ] || skip "dockerd needs root"

work=$(mktemp -d /tmp/run-vs-dockerd.XXXXXX)
started=()
cleanup() {
  for pid in "${started[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${started[@]}"; do
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  umount -R "$work/docker" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' TERM INT

wait_for_socket() { # $1 socket, $2 pid, $3 log
  for _ in $(seq 300); do
    [ -S "$1" ] && return 0
    kill -0 "$2" 2>/dev/null || { cat "$3"; return 1; }
    sleep 0.1
  done
  cat "$3"; return 1
}

containerd --root "$work/containerd" --state "$work/containerd-state" \
  --address "$work/containerd.sock" >"$work/containerd.log" 2>&1 &
started+=($!)
wait_for_socket "$work/containerd.sock" "$!" "$work/containerd.log" || exit 1
dockerd --host "unix://$work/dockerd.sock" --data-root "$work/docker" \
  --exec-root "$work/exec" --pidfile "$work/dockerd.pid" --containerd "$work/containerd.sock" \
  --iptables=false --ip-masq=false --bridge=none --storage-driver=vfs \
  >"$work/dockerd.log" 2>&1 &
started+=($!)
wait_for_socket "$work/dockerd.sock" "$!" "$work/dockerd.log" || exit 1
"$lab" daemon --socket "$work/lab.sock" --seed 1 --clock wall >"$work/lab.log" 2>&1 &
started+=($!)
wait_for_socket "$work/lab.sock" "$!" "$work/lab.log" || exit 1

export DOCKER_CONFIG=$work/config
real=unix://$work/dockerd.sock
mkdir -p "$work/rootfs/bin"
cp /bin/busybox "$work/rootfs/bin/"
for applet in sh true; do ln -s busybox "$work/rootfs/bin/$applet"; done
tar -C "$work/rootfs" -cf "$work/rootfs.tar" .
DOCKER_HOST=$real docker import --change 'CMD ["sh"]' "$work/rootfs.tar" busybox:latest \
  >/dev/null || { echo "could not load busybox into dockerd"; exit 1; }

# One `docker run --rm busybox true`, in seconds; fails the script if the run fails.
one_run() {
  local begin end
  begin=$(date +%s.%N)
  DOCKER_HOST=$1 docker run --rm busybox true || { echo "docker run failed against $1"; exit 1; }
  end=$(date +%s.%N)
  echo "$end - $begin" | bc
}
# Warm both up once (the first run of each pays for caches), then alternate.
one_run "unix://$work/lab.sock" >/dev/null
one_run "$real" >/dev/null
: >"$work/lab.times"
: >"$work/dockerd.times"
for _ in $(seq "$rounds"); do
  one_run "unix://$work/lab.sock" >>"$work/lab.times"
  one_run "$real" >>"$work/dockerd.times"
done
median() { sort -g "$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
lab_median=$(median "$work/lab.times")
real_median=$(median "$work/dockerd.times")
ratio=$(echo "scale=3; $lab_median / $real_median" | bc)
printf 'docker run --rm busybox true, %d alternating rounds, median wall time:\n' "$rounds"
printf '  lab daemon  %.1f ms\n  dockerd     %.1f ms\n  ratio lab / dockerd  %s (target: at most 0.25)\n' \
  "$(echo "$lab_median * 1000" | bc)" "$(echo "$real_median * 1000" | bc)" "$ratio"
[ "$(echo "$ratio <= 0.25" | bc)" = 1 ]
