#!/usr/bin/env bash
# Install the test set, build everything into build/ (warnings are errors), and run the whole
# test suite (unit, end-to-end, static checks) with CTest. The sanitizer jobs and the fuzz
# smoke are scripts/sanitize.sh (CI runs `scripts/sanitize.sh ci` after this script).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test
scripts/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
