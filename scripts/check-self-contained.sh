#!/usr/bin/env bash
# Static check (run by ctest as `self_contained` and first by .ci/run). Two rules:
#  1. CMake files, scripts, CI and tests must not refer to anything outside the repository:
#     no folder beside the checkout reached through `..`, and no absolute paths other than
#     system ones (/tmp, /dev, /proc, /usr, /bin, /etc, /sys). A line may opt out with the
#     comment `self-contained: allowed`.
#  2. No tracked file at all (code, comments, docs, data) may cite the design document that
#     lives outside the repository, by section (the word DESIGN, a space, the section sign)
#     or by path (the sibling shared folder): the specification is docs/, and citations name
#     a docs/ page and section.
# Prints each offending line as FILE:LINE: TEXT and exits 1 if there is one. The patterns are
# written (bracket expressions, escaped dots) so that this file never matches them itself.
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C  # byte-wise matching: the section sign is two bytes in UTF-8

status=0
report() {  # report TITLE FOUND
  echo "self-contained: $1:" >&2
  echo "$2" >&2
  status=1
}

# Rule 1: build, scripts, CI and tests.
files=$(git ls-files 'CMakeLists.txt' '*.cmake' '*/CMakeLists.txt' 'scripts/*' '.ci/*' 'bench/*.sh' \
          'tests/*.cpp' 'tests/*.hpp' 'tests/*.txt' | grep -v '^tests/data/' || true)
[ -n "$files" ] || { echo "self-contained: no files to check" >&2; exit 1; }
outside='\.\./shared|(^|[^A-Za-z0-9_.$}/-])/(work|home|root|mnt|opt|srv|var/lib)/'
# shellcheck disable=SC2086
found=$(grep -nE "$outside" $files | grep -v 'self-contained: allowed' || true)
[ -z "$found" ] || report "references outside the repository" "$found"

# Rule 2: every tracked file.
all=$(git ls-files)
design='DESIGN[[:space:]]+§|\.\./shared|shared/DESIGN[.]md'
found=$(echo "$all" | tr '\n' '\0' | xargs -0 grep -nIE "$design" -- || true)
[ -z "$found" ] || report "citations of the outside design document (cite docs/ instead)" "$found"

[ "$status" -eq 0 ] || exit 1
echo "self-contained: $(echo "$files" | wc -l) build, script and test files checked, no path outside the repository;" \
     "$(echo "$all" | wc -l) tracked files checked, no citation of an outside design document"
