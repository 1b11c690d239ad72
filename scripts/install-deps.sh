#!/usr/bin/env bash
# Installs the Debian 12 packages roles needs to build, test and run. Run as root.
# Skips apt entirely when every package is already installed, so repeated runs are fast.
set -euo pipefail
packages=(
  build-essential cmake pkg-config git
  libgit2-dev libyaml-cpp-dev libcli11-dev nlohmann-json3-dev libfmt-dev
  libre2-dev libutf8proc-dev catch2
  chromium fonts-dejavu-core   # headless browser check of the HTML cycle report (tests/e2e/test_report_browser.cpp)
)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
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
