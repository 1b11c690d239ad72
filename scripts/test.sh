#!/usr/bin/env bash
# Install, build, and run the whole test suite (unit and end-to-end) with CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
