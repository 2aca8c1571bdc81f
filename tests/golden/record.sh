#!/usr/bin/env bash
# Runs a script against the default Docker engine and prints its transcript:
#   $ command line     > a line of stdout     ! a line of stderr     [rc=N] its exit status
#   @sleep N in the script waits N seconds and prints "@ sleep N".
# Each command line runs in its own bash; its stdout loses trailing blank lines (as a $(...)
# would), its stderr is kept whole. Every container is removed first: record on an engine
# nobody else uses.
# usage: record.sh SCRIPT > TRANSCRIPT
set -uo pipefail
script=${1:?usage: record.sh SCRIPT}
export DOCKER_API_VERSION=${DOCKER_API_VERSION:-1.41}   # what Engine 20.10 speaks
stderr_file=$(mktemp)
trap 'rm -f "$stderr_file"' EXIT
prefixed() {   # $1 = prefix; prints each line of stdin after it
  local line
  while IFS= read -r line || [ -n "$line" ]; do printf '%s%s\n' "$1" "$line"; done
}
docker ps -aq | xargs -r docker rm -f >/dev/null 2>&1
while IFS= read -r line || [ -n "$line" ]; do
  if [[ "$line" == '@sleep '* ]]; then
    seconds=${line#@sleep }
    sleep "$seconds"
    printf '@ sleep %s\n' "$seconds"
    continue
  fi
  printf '$ %s\n' "$line"
  stdout=$(bash -c "$line" 2>"$stderr_file" </dev/null)   # -i must not read the script
  status=$?
  [ -z "$stdout" ] || prefixed '> ' <<<"$stdout"
  prefixed '! ' <"$stderr_file"
  printf '[rc=%d]\n' "$status"
done <"$script"
