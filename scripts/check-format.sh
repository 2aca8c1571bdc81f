#!/usr/bin/env bash
# Fails when a tracked C++ file differs from .clang-format (the style is enforced, not suggested).
# Fix with: git ls-files '*.cpp' '*.h' | xargs clang-format -i
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.h')
clang-format --dry-run --Werror "${files[@]}"
echo "clang-format: ${#files[@]} files follow .clang-format"
