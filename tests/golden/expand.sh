#!/usr/bin/env bash
# Turns a scenario into the script record.sh and the console both run: blank lines and
# `#` comments are dropped, `@sleep N` lines kept, and every command that may change a
# container is followed by a ps line listing each container's name, state and status.
# usage: expand.sh SCENARIO > SCRIPT
set -euo pipefail
state_line="docker ps -a --format '{{.Names}} {{.State}} {{.Status}}'"
while IFS= read -r line || [ -n "$line" ]; do
  [[ -z "$line" || "$line" == '#'* ]] && continue
  printf '%s\n' "$line"
  # a directive, or a command that only looks: nothing to show after it
  [[ "$line" =~ ^(@|docker\ (ps|events|images|logs|inspect)) ]] || printf '%s\n' "$state_line"
done <"${1:?usage: expand.sh SCENARIO}"
