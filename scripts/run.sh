#!/usr/bin/env bash
# Installs what is missing, builds, and starts Container Lifecycle Lab on the simulated engine.
# Arguments are passed to lifecycle-lab (for example: scripts/run.sh console).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default
exec build/default/app/lifecycle-lab "$@"
