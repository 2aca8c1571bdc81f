#!/usr/bin/env bash
# Writes the README's screenshots into docs/screenshots: the window plays its built-in
# demonstrations (lifecycle-lab --screenshot DIR) on the offscreen platform, so no display is
# needed. Builds lifecycle-lab first when it is missing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$root/build/default}"
out="${1:-$root/docs/screenshots}"
if [ ! -x "$build/app/lifecycle-lab" ]; then
  cmake --preset default -S "$root" >/dev/null
  cmake --build "$build" --target lifecycle-lab -j2
fi
QT_QPA_PLATFORM=offscreen "$build/app/lifecycle-lab" --screenshot "$out"
ls -1 "$out"/*.png
