#!/usr/bin/env bash
# The main job on a fresh machine: install, build, then `roles audit` on this repository
# with its own ROLES.yaml. Extra arguments go to `roles audit`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
build/bin/roles audit . "$@"
