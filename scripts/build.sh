#!/usr/bin/env bash
# Configures and builds roles into build/ (warnings are errors, as in CI).
set -euo pipefail
cd "$(dirname "$0")/.."
build_type=${ROLES_BUILD_TYPE:-RelWithDebInfo}
cmake -S . -B build -DCMAKE_BUILD_TYPE="$build_type" -DROLES_WERROR=ON ${ROLES_CMAKE_ARGS:-}
cmake --build build -j"$(nproc)"
