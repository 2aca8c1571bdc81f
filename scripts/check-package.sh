#!/usr/bin/env bash
# Builds the .deb from a build directory and checks it as a school's machine would meet it:
# lintian reports no error, the AppStream and desktop files validate, `apt-get install` puts it
# in place with its dependencies, the installed lab answers --version, runs a console script on
# the installed default world and plays an installed lesson, and `apt-get purge` leaves none of
# its files behind.
#   scripts/check-package.sh [BUILD_DIR]     (default: build/default, already built)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/default}
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$build" && cpack -G DEB -B "$work" >/dev/null)
deb=$(echo "$work"/lifecycle-lab_*.deb)
echo "package: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

lintian --fail-on error "$deb"
dpkg-deb -x "$deb" "$work/root"
appstreamcli validate --no-net "$work/root/usr/share/metainfo/io.github.lifecyclelab.LifecycleLab.metainfo.xml"
desktop-file-validate "$work/root/usr/share/applications/lifecycle-lab.desktop"

if dpkg-query -W -f='${Status}' lifecycle-lab 2>/dev/null | grep -q "install ok installed"; then
  echo "check-package: lifecycle-lab is already installed here; leaving it alone," \
       "so the install and removal were not tried" >&2
  exit 0
fi
files=$(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {print substr($6, 2)}')
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$deb" >/dev/null

version=$(lifecycle-lab --version)
[ "$version" = "lifecycle-lab $(dpkg-deb -f "$deb" Version)" ] \
  || { echo "installed lab says \"$version\"" >&2; exit 1; }
printf 'run --name greeter busybox echo hello from the package\nps -a --format "{{.Names}} {{.Status}}"\n' \
  > "$work/script"
transcript=$(lifecycle-lab console --world /usr/share/lifecycle-lab/worlds/default.json \
  --script "$work/script")
grep -qx '> hello from the package' <<<"$transcript" \
  || { echo "the installed console did not run the script:" >&2; echo "$transcript" >&2; exit 1; }
lifecycle-lab lesson /usr/share/lifecycle-lab/lessons/04-created.json --answers auto \
  >"$work/lesson" 2>&1 || { echo "the installed lesson did not play:" >&2; cat "$work/lesson" >&2; exit 1; }
echo "installed: $version; console script and lesson ran from the installed files"

DEBIAN_FRONTEND=noninteractive $sudo apt-get purge -y -qq lifecycle-lab >/dev/null
left=$(for file in $files; do [ ! -e "$file" ] || echo "$file"; done)
[ -z "$left" ] || { echo "left behind after purge:" >&2; echo "$left" >&2; exit 1; }
echo "removed: none of its $(wc -w <<<"$files") files is left"
