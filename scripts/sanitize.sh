#!/usr/bin/env bash
# The sanitizer jobs of issue 14 (README.md, "Untrusted input"; fuzz/README.md):
#   scripts/sanitize.sh asan            the whole test suite under ASan+UBSan, leaks checked
#                                       (build-asan/, libgit2's process-wide state suppressed:
#                                       scripts/sanitizers/lsan.supp says what and why)
#   scripts/sanitize.sh tsan            the parallel loader and cache tests under TSan (build-tsan/)
#   scripts/sanitize.sh fuzz [SECONDS]  every fuzz target for SECONDS (default 30) from its seeds
#   scripts/sanitize.sh all [SECONDS]   the three, in that order
# Each job builds its own tree with one job per core. scripts/test.sh runs `fuzz 5`.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
launcher=$(command -v ccache || true)

configure() {  # DIR FLAGS...
    local dir=$1
    shift
    [[ -f $dir/CMakeCache.txt ]] && return 0
    CMAKE_CXX_COMPILER_LAUNCHER=$launcher cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
}

run_asan() {
    configure build-asan -DROLES_ASAN=ON -DROLES_UBSAN=ON
    cmake --build build-asan -j"$jobs" --target roles roles_tests
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS=suppressions=$PWD/scripts/sanitizers/lsan.supp \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --test-dir build-asan --output-on-failure -j"$jobs" -E '^(self_contained|install_layout)$'
}

run_tsan() {
    configure build-tsan -DCMAKE_CXX_FLAGS="-fsanitize=thread" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread"
    cmake --build build-tsan -j"$jobs" --target roles roles_tests
    TSAN_OPTIONS=halt_on_error=1 build-tsan/tests/roles_tests "[parallel],[cache]"
}

run_fuzz() {
    local seconds=${1:-30}
    configure build-fuzz -DCMAKE_CXX_COMPILER=clang++-14 -DROLES_FUZZ=ON -DROLES_BUILD_TESTS=OFF
    cmake --build build-fuzz -j"$jobs" --target roles_fuzz
    local log=build-fuzz/fuzz/smoke.log failed=0
    for target in $(scripts/fuzz.sh --list); do
        local started=$SECONDS rc=0
        ROLES_FUZZ_JOBS=$jobs scripts/fuzz.sh "$target" "$seconds" >"$log" 2>&1 || rc=$?
        echo "fuzz $target: ${seconds}s, $(grep -m1 -o 'number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$') runs," \
            "$(grep -o 'cov: [0-9]*' "$log" | tail -1), exit $rc ($((SECONDS - started))s with the build)"
        if [[ $rc -ne 0 ]]; then
            grep -E 'ERROR|SUMMARY|Test unit written' "$log" >&2 || true
            failed=1
        fi
    done
    return $failed
}

case ${1:-all} in
    asan) run_asan ;;
    tsan) run_tsan ;;
    fuzz) run_fuzz "${2:-30}" ;;
    all) run_asan && run_tsan && run_fuzz "${2:-30}" ;;
    *) echo "usage: scripts/sanitize.sh asan|tsan|fuzz [SECONDS]|all [SECONDS]" >&2; exit 2 ;;
esac
