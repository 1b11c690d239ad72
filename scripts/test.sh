#!/usr/bin/env bash
# Install the test set, build everything into build/ (warnings are errors), and run the whole
# test suite (unit, end-to-end, static checks) with CTest, then a short smoke of every fuzz
# target (scripts/sanitize.sh fuzz 5; the full sanitizer jobs are scripts/sanitize.sh all).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh test
scripts/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
scripts/sanitize.sh fuzz 5
