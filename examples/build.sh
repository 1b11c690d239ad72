#!/usr/bin/env bash
# Builds an example repository from its fast-import stream: build.sh NAME DEST
# The history has fixed identities and timestamps, so commit ids are the same everywhere.
# The example's ROLES.yaml is copied into the work tree (uncommitted) unless NO_ROSTER=1.
# A program example (a folder with a `members` file instead of a history) becomes a plain
# folder DEST holding each member example's repository and the program's ROLES.yaml.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
name=${1:?usage: build.sh NAME DEST}
dest=${2:?usage: build.sh NAME DEST}
if [ -f "$here/$name/members" ]; then
  rm -rf "$dest"
  mkdir -p "$dest"
  for member in $(cat "$here/$name/members"); do
    NO_ROSTER=1 "$0" "$member" "$dest/$member"
  done
  cp "$here/$name/ROLES.yaml" "$dest/ROLES.yaml"
  exit 0
fi
# A generated example (examples/crowd) has a generate.py that writes its stream and roster.
if [ -f "$here/$name/history.fi" ]; then
  stream() { cat "$here/$name/history.fi"; }
elif [ -f "$here/$name/generate.py" ]; then
  stream() { python3 "$here/$name/generate.py" history; }
else
  echo "build.sh: no example named '$name'" >&2; exit 2
fi
rm -rf "$dest"
git init -q -b main "$dest"
stream | git -C "$dest" fast-import --quiet
git -C "$dest" checkout -q main
if [ "${NO_ROSTER:-0}" != 1 ] && [ -f "$here/$name/ROLES.yaml" ]; then
  cp "$here/$name/ROLES.yaml" "$dest/ROLES.yaml"
elif [ "${NO_ROSTER:-0}" != 1 ] && [ -f "$here/$name/generate.py" ]; then
  python3 "$here/$name/generate.py" roster > "$dest/ROLES.yaml"
fi
