#!/usr/bin/env bash
# Installs the Debian 12 packages of a set. Run as root.
#   scripts/install-deps.sh program   what building and running roles needs (the default)
#   scripts/install-deps.sh test      program + what the test suite and CI need
# Skips apt entirely when every package is already installed, so repeated runs are fast.
set -euo pipefail
set_name=${1:-program}
program=(
  build-essential cmake pkg-config git
  libgit2-dev libyaml-cpp-dev libcli11-dev nlohmann-json3-dev libfmt-dev
  libre2-dev libutf8proc-dev zlib1g-dev libdeflate-dev
)
test_only=(
  catch2
  ccache clang-tidy-14         # CONTRIBUTING.md: ccache for rebuilds (scripts/sanitize.sh uses it), clang-tidy in CI
  chromium fonts-dejavu-core   # headless browser check of the HTML cycle report (tests/e2e/test_report_browser.cpp)
  python3-jsonschema           # validating JSON outputs against schemas/ (tests/support/validate_json.py)
  time                         # /usr/bin/time -v in bench/run.sh
  # scripts/sanitize.sh: asan and tsan build with GCC 12, whose sanitizer runtimes (libasan8,
  # libubsan1, liblsan0, libtsan2) come with build-essential (libgcc-12-dev depends on them).
  # The fuzz build needs clang 14 and its runtimes (libFuzzer, clang's ASan and UBSan: they
  # are in libclang-rt-14-dev, not in clang-14); llvm-14 brings llvm-symbolizer, so that a
  # fuzz crash report names functions and lines (clang-14 only recommends it).
  clang-14 libclang-rt-14-dev llvm-14
)
case "$set_name" in
  program) packages=("${program[@]}") ;;
  test) packages=("${program[@]}" "${test_only[@]}") ;;
  *) echo "install-deps: unknown set '$set_name' (program or test)" >&2; exit 2 ;;
esac
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages of '$set_name' present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages: ${missing[*]}; run this script as root" >&2
  exit 1
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends "${missing[@]}"
