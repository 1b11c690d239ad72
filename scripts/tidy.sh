#!/usr/bin/env bash
# clang-tidy (Debian's clang-tidy-14) with the checks of .clang-tidy, warnings as errors.
#   scripts/tidy.sh                 the C++ files changed since the commit in scripts/tidy-baseline
#                                   (what CI runs, .ci/run), plus uncommitted changes
#   scripts/tidy.sh --all           every translation unit of the build
#   scripts/tidy.sh FILE...         these files
# A changed header is checked through the .cpp files that include it (HeaderFilterRegex
# reports its warnings there). Needs a configured build tree with compile_commands.json
# (ROLES_TIDY_BUILD, default build/; scripts/test.sh makes it). ROLES_JOBS: parallel runs.
#
# Why a baseline: the tree was written before clang-tidy ran in CI and the whole tree takes
# about 15 minutes on 2 cores, so CI checks what changed since scripts/tidy-baseline; a file
# touched after it must be clean. Move the baseline forward (to a commit whose `--all` run is
# clean) when the remaining warnings are fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${ROLES_TIDY_BUILD:-build}
jobs=${ROLES_JOBS:-$(nproc)}
tidy=$(command -v clang-tidy-14 || true)
if [[ -z $tidy ]]; then
    echo "tidy: clang-tidy-14 is not installed (scripts/install-deps.sh test)" >&2
    exit 2
fi
if [[ ! -f $build/compile_commands.json ]]; then
    echo "tidy: $build/compile_commands.json is missing: configure the build first (scripts/test.sh)" >&2
    exit 2
fi

# The translation units of the build, relative to the source root.
units() {
    python3 -c 'import json, os, sys
root = os.path.realpath(".")
for entry in json.load(open(sys.argv[1])):
    path = os.path.realpath(os.path.join(entry["directory"], entry["file"]))
    if path.startswith(root + "/"): print(os.path.relpath(path, root))' "$build/compile_commands.json" | sort -u
}

# The changed C++ files since the baseline, committed or not.
changed() {
    local baseline
    baseline=$(tr -d '[:space:]' < scripts/tidy-baseline)
    { git diff --name-only --diff-filter=d "$baseline" -- '*.cpp' '*.hpp'; git ls-files --others --exclude-standard -- '*.cpp' '*.hpp'; } | sort -u
}

# The units that check FILES: a unit itself, or the units including a header by its name.
select_units() {
    local all file
    all=$(units)
    for file in "$@"; do
        if grep -qxF "$file" <<<"$all"; then
            echo "$file"
        elif [[ $file == *.hpp ]]; then
            local name=${file#include/}
            name=${name#src/}
            # shellcheck disable=SC2046
            grep -lF -e "\"$name\"" -e "/$(basename "$file")\"" -e "\"$(basename "$file")\"" $(grep -v '^$' <<<"$all") 2>/dev/null | head -3 || true
        fi
    done | sort -u
}

case ${1:-} in
    --all) mapfile -t files < <(units) ;;
    "") mapfile -t wanted < <(changed); mapfile -t files < <(select_units "${wanted[@]}") ;;
    *) mapfile -t files < <(select_units "$@") ;;
esac
if [[ ${#files[@]} -eq 0 ]]; then
    echo "tidy: no C++ file to check"
    exit 0
fi
echo "tidy: checking ${#files[@]} translation units with $(basename "$tidy") (-j$jobs)"
# clang 14 does not know some of GCC 12's flags, and finds <expected> only through the shim
# the fuzz build uses (fuzz/README.md).
log=$(mktemp)
trap 'rm -f "$log"' EXIT
printf '%s\n' "${files[@]}" | xargs -P "$jobs" -I{} "$tidy" -p "$build" --quiet --warnings-as-errors='*' \
    -extra-arg=-std=c++2b -extra-arg=-isystem"$PWD/fuzz/compat" -extra-arg=-Wno-unknown-warning-option {} \
    >"$log" 2>&1 && rc=0 || rc=$?
grep -E '(warning|error):' "$log" | sort -u || true
if [[ $rc -ne 0 ]]; then
    echo "tidy: $(grep -cE '(warning|error):' "$log" || true) findings in ${#files[@]} translation units" >&2
    exit 1
fi
echo "tidy: clean (${#files[@]} translation units)"
