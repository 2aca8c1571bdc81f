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
# Each run has settings of its own (a fresh first start), never the user's.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
XDG_CONFIG_HOME="$tmp/config-en" QT_QPA_PLATFORM=offscreen \
  "$build/app/lifecycle-lab" --screenshot "$out"
# The window in Chinese (System follows the locale) and in bilingual mode (the choice View >
# Language saves), each from the same demonstrations.
LC_ALL=zh_CN.UTF-8 XDG_CONFIG_HOME="$tmp/config-zh" QT_QPA_PLATFORM=offscreen \
  "$build/app/lifecycle-lab" --screenshot "$tmp/zh_CN" >/dev/null
cp "$tmp/zh_CN/refused-command.png" "$out/window-zh_CN.png"
cp "$tmp/zh_CN/presenter-mode.png" "$out/presenter-mode-zh_CN.png"
mkdir -p "$tmp/config-bilingual/lifecycle-lab"
printf '[General]\nlanguage=bilingual\n' >"$tmp/config-bilingual/lifecycle-lab/lifecycle-lab.conf"
XDG_CONFIG_HOME="$tmp/config-bilingual" QT_QPA_PLATFORM=offscreen \
  "$build/app/lifecycle-lab" --screenshot "$tmp/bilingual" >/dev/null
cp "$tmp/bilingual/refused-command.png" "$out/window-bilingual.png"
ls -1 "$out"/*.png
