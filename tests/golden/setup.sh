#!/usr/bin/env bash
# Prepares the recording world on the default Docker engine (run as root, idempotent):
#   busybox:local              busybox-static, no default command (one layer)
#   127.0.0.1:5000             docker-registry (distribution 2.8) on loopback, serving
#     busybox:1.35             the same image as busybox:local (pulling it fetches no layer)
#     busybox:1.36             a different one-layer image (an /etc/motd more), with
#                              CMD ["echo","hello from busybox 1.36"] (a world file can say
#                              what a CMD is, not what files an image holds)
# and afterwards no local tag of 127.0.0.1:5000/*, so that every recording starts pulling.
set -eu
work=${GOLDEN_TMP:-/tmp/golden-setup}
mkdir -p "$work"

make_rootfs() {   # $1 = directory; a minimal busybox tree as the transcripts README describes
  rm -rf "$1"; mkdir -p "$1"/bin "$1"/proc "$1"/sys "$1"/dev "$1"/etc "$1"/tmp
  cp /bin/busybox "$1"/bin/
  for a in sh sleep echo cat ls ps true false kill; do ln -s busybox "$1/bin/$a"; done
}

if ! docker image inspect busybox:local >/dev/null 2>&1; then
  make_rootfs "$work/rootfs"
  tar -C "$work/rootfs" -cf "$work/rootfs.tar" . && docker import "$work/rootfs.tar" busybox:local
fi

if ! curl -fs http://127.0.0.1:5000/v2/ >/dev/null; then
  mkdir -p "$work/registry"
  cat >"$work/registry.yml" <<YML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $work/registry
http:
  addr: 127.0.0.1:5000
YML
  setsid nohup docker-registry serve "$work/registry.yml" >"$work/registry.log" 2>&1 &
  for _ in 1 2 3 4 5 6 7 8 9 10; do curl -fs http://127.0.0.1:5000/v2/ >/dev/null && break; sleep 0.5; done
fi

has_tag() { curl -fs "http://127.0.0.1:5000/v2/busybox/manifests/$1" \
  -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' >/dev/null; }
# The CMD of busybox:TAG as the registry serves it (empty if it has no such tag).
registry_cmd() {
  local config
  config=$(curl -fs "http://127.0.0.1:5000/v2/busybox/manifests/$1" \
    -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["config"]["digest"])') || return 0
  curl -fs "http://127.0.0.1:5000/v2/busybox/blobs/$config" |
    python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)["config"]["Cmd"]))'
}
if ! has_tag 1.35; then
  docker tag busybox:local 127.0.0.1:5000/busybox:1.35 && docker push 127.0.0.1:5000/busybox:1.35
fi
if [ "$(registry_cmd 1.36)" != '["echo", "hello from busybox 1.36"]' ]; then
  make_rootfs "$work/rootfs136"
  echo 'hello from busybox 1.36' >"$work/rootfs136/etc/motd"
  tar -C "$work/rootfs136" -cf "$work/rootfs136.tar" .
  docker import --change 'CMD ["echo","hello from busybox 1.36"]' "$work/rootfs136.tar" 127.0.0.1:5000/busybox:1.36
  docker push 127.0.0.1:5000/busybox:1.36
fi

# every recording starts with only busybox:local on disk (containers go first, as
# record.sh would remove them anyway, since they may hold a pulled image)
docker rm -f $(docker ps -aq) >/dev/null 2>&1 || true
for ref in $(docker images --format '{{.Repository}}:{{.Tag}}' | grep '^127\.0\.0\.1:5000/' || true); do
  docker rmi "$ref" >/dev/null
done
docker image prune -f >/dev/null
