#!/usr/bin/env bash
# The test command of README.md: installs with apt-get what the tests need and is missing, then runs
# every suite (mvn -B verify; extra arguments are passed on, e.g. ./test.sh -pl testing-postgres).
set -euo pipefail
cd "$(dirname "$0")"

missing=()

# need GLOB PACKAGE: install Debian's PACKAGE unless a file matches GLOB.
need() {
  if ! compgen -G "$1" >/dev/null; then
    missing+=("$2")
  fi
}

need '/usr/lib/postgresql/*/bin/initdb' postgresql # the PostgreSQL suites start throwaway clusters

if ((${#missing[@]} > 0)); then
  if [[ $(id -u) -eq 0 ]]; then
    as_root=()
  elif command -v sudo >/dev/null; then
    as_root=(sudo)
  else
    echo "test.sh: the tests need ${missing[*]}; install as root: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "test.sh: installing ${missing[*]}" >&2
  "${as_root[@]}" apt-get update -q
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

exec mvn -B verify "$@"
