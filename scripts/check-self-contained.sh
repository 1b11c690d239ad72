#!/usr/bin/env bash
# Static check (run by ctest as `self_contained`): CMake files, scripts, CI and tests must not
# refer to anything outside the repository: no `../shared`, no `..` above the source tree, and
# no absolute paths other than system ones (/tmp, /dev, /proc, /usr, /bin, /etc, /sys).
# Prints each offending line as FILE:LINE: TEXT and exits 1 if there is one.
set -euo pipefail
cd "$(dirname "$0")/.."
files=$(git ls-files 'CMakeLists.txt' '*.cmake' '*/CMakeLists.txt' 'scripts/*' '.ci/*' 'bench/*.sh' \
          'tests/*.cpp' 'tests/*.hpp' 'tests/*.txt' | grep -v '^tests/data/' || true)
[ -n "$files" ] || { echo "self-contained: no files to check" >&2; exit 1; }
pattern='\.\./shared|(^|[^A-Za-z0-9_.$}/-])/(work|home|root|mnt|opt|srv|var/lib)/'
# shellcheck disable=SC2086
found=$(grep -nE "$pattern" $files | grep -v 'self-contained: allowed' | grep -v '^scripts/check-self-contained.sh:' || true)
if [ -n "$found" ]; then
  echo "self-contained: references outside the repository:" >&2
  echo "$found" >&2
  exit 1
fi
echo "self-contained: $(echo "$files" | wc -l) files checked, no path outside the repository"
