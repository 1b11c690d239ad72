#!/usr/bin/env bash
# Configures and builds roles into build/ (warnings are errors, as in CI).
set -euo pipefail
cd "$(dirname "$0")/.."
build_type=${ROLES_BUILD_TYPE:-RelWithDebInfo}
# ccache, when installed (the test set installs it), makes a rebuild of unchanged sources,
# such as CI's build of a fresh clone, a matter of seconds (.ci/run sets CCACHE_BASEDIR).
launcher=$(command -v ccache || true)
cmake -S . -B build -DCMAKE_BUILD_TYPE="$build_type" -DROLES_WERROR=ON ${launcher:+-DCMAKE_CXX_COMPILER_LAUNCHER="$launcher"} \
  ${ROLES_CMAKE_ARGS:-}
cmake --build build -j"$(nproc)"
