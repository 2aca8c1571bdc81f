#!/usr/bin/env bash
# Installs the Debian 12 packages the build needs, and only those that are missing.
# Uses sudo only when not root. Idempotent: a second run installs nothing.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev qt6-base-dev-tools libgl-dev
  libboost-dev libbenchmark-dev
  busybox-static libarchive-dev libseccomp-dev runc
  libexpected-dev      # tl::expected: the error values (statemachine/base/Expected.h)
  nettle-dev           # SHA-256 (statemachine/base/Sha256.cpp)
  nlohmann-json3-dev   # the OCI image layout's JSON (realbackend/OciStore.cpp, statemachine/engine/ImageArchive.cpp)
  libedit-dev
  libfontconfig-dev    # lifecycle-lab doctor: is there a font for Chinese text
  lintian appstream    # scripts/check-package.sh: the .deb and its AppStream file are checked
  qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools  # Qt Linguist: lupdate, lrelease (app/translations)
  qt6-translations-l10n  # Qt's own dialogs and buttons in Chinese (qtbase_zh_CN.qm)
  fonts-noto-cjk       # the Chinese interface needs CJK glyphs
  clang-format         # scripts/check-format.sh: the style is checked by ctest
  desktop-file-utils   # desktop-file-validate: the install test checks the desktop entry
  clang libclang-rt-14-dev  # scripts/fuzz.sh: the libFuzzer targets are built with clang
  libgif-dev           # lifecycle-lab export: animated GIFs (app/gui/export)
  libavcodec-dev libavformat-dev libavutil-dev libswscale-dev  # export: WebM (VP8) and MP4 (H.264)
  docker-registry      # tests/realbackend/tst_real_pull: docker pull from a registry on 127.0.0.1
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
