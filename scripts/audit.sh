#!/usr/bin/env bash
# The main job on a fresh machine: install what the program needs, build the program only (no
# test suite) into build-release/, then `roles audit` on this repository with its own ROLES.yaml.
# Extra arguments go to `roles audit`. A build directory of its own keeps build/ (the test
# build of scripts/test.sh, configured with the tests on) untouched, so the two never
# reconfigure each other.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh program
build_type=${ROLES_BUILD_TYPE:-RelWithDebInfo}
cmake -S . -B build-release -DCMAKE_BUILD_TYPE="$build_type" -DROLES_BUILD_TESTS=OFF ${ROLES_CMAKE_ARGS:-}
cmake --build build-release -j"$(nproc)" --target roles
build-release/bin/roles audit . "$@"
