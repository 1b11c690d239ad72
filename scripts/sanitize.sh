#!/usr/bin/env bash
# The sanitizer jobs of issue 14 (README.md, "Untrusted input"; fuzz/README.md):
#   scripts/sanitize.sh asan            the whole test suite under ASan+UBSan, leaks checked
#                                       (build-asan/, libgit2's process-wide state suppressed:
#                                       scripts/sanitizers/lsan.supp says what and why)
#   scripts/sanitize.sh tsan            the parallel loader and cache tests under TSan (build-tsan/)
#   scripts/sanitize.sh fuzz [SECONDS]  every fuzz target for SECONDS (default 30) from its seeds
#   scripts/sanitize.sh all [SECONDS]   the three, in that order
#   scripts/sanitize.sh ci              what CI runs after scripts/test.sh (.ci/run): the three,
#                                       fuzz for 30 s a target, each job's time printed
# Each job builds its own tree; ROLES_JOBS sets the build and test jobs (default: one per core).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${ROLES_JOBS:-$(nproc)}
launcher=$(command -v ccache || true)

# The asan and tsan trees build at -O1 -g1 instead of RelWithDebInfo's -O2 -g: the sanitizers'
# instrumentation makes -O2 and full debug information the bulk of the build time on CI's two
# cores, and -O1 keeps the stacks readable (file and line from -g1) and the findings the same.
# The fuzz tree keeps RelWithDebInfo, for speed per input.
sanitizer_build_type=("-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG")

configure() {  # DIR FLAGS...
    local dir=$1
    shift
    [[ -f $dir/CMakeCache.txt ]] && return 0
    CMAKE_CXX_COMPILER_LAUNCHER=$launcher cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
}

run_asan() {
    configure build-asan "${sanitizer_build_type[@]}" -DROLES_ASAN=ON -DROLES_UBSAN=ON
    local started=$SECONDS
    cmake --build build-asan -j"$jobs" --target roles roles_tests || return
    echo "sanitize: asan build took $((SECONDS - started)) s"
    started=$SECONDS
    local rc=0
    # The two static checks are left out: they check the tree and the install layout, not the
    # code, and scripts/test.sh runs them. No other test needs to be.
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS=suppressions=$PWD/scripts/sanitizers/lsan.supp \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --test-dir build-asan --output-on-failure -j"$jobs" -E '^(self_contained|install_layout)$' || rc=$?
    echo "sanitize: asan tests took $((SECONDS - started)) s"
    return $rc
}

run_tsan() {
    # Only the test files that hold the two tags are built (tests/CMakeLists.txt, ROLES_TEST_FILES).
    local tagged
    # Recursive: the fast reader's tests (tests/git/fastread/) hold [parallel] and [cache] too.
    tagged=$(grep -rl --include='test_*.cpp' -e '\[parallel\]' -e '\[cache\]' tests | sed 's|^tests/||' | sort | paste -sd'|')
    configure build-tsan "${sanitizer_build_type[@]}" -DCMAKE_CXX_FLAGS="-fsanitize=thread" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" \
        -DROLES_TEST_FILES="/($tagged)\$"
    local started=$SECONDS
    cmake --build build-tsan -j"$jobs" --target roles roles_tests || return
    echo "sanitize: tsan build took $((SECONDS - started)) s"
    started=$SECONDS
    local rc=0
    TSAN_OPTIONS=halt_on_error=1 build-tsan/tests/roles_tests "[parallel],[cache]" || rc=$?
    echo "sanitize: tsan tests took $((SECONDS - started)) s"
    return $rc
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
            # .ci/run deletes its clone on exit: the input that failed is kept outside it.
            local keep=${ROLES_FUZZ_KEEP:-/tmp/roles-fuzz-artifacts}/$target
            mkdir -p "$keep" && cp -p build-fuzz/fuzz/artifacts/"$target"/* "$log" "$keep"/ 2>/dev/null || true
            echo "fuzz $target: the failing input and the log are kept in $keep" >&2
            failed=1
            jobs_failed+=("fuzz $target")
        else
            jobs_passed=$((jobs_passed + 1))
        fi
    done
    return $failed
}

jobs_passed=0
jobs_failed=()

timed() {  # JOB ARGS...: runs run_JOB, then prints how long it took
    local started=$SECONDS rc=0
    "run_$1" "${@:2}" || rc=$?
    echo "sanitize: $1 took $((SECONDS - started)) s (exit $rc)"
    if [[ $1 != fuzz ]]; then
        if [[ $rc -eq 0 ]]; then jobs_passed=$((jobs_passed + 1)); else jobs_failed+=("$1"); fi
    fi
    return $rc
}

# Every job runs even when one fails, so that one CI run shows every finding; the closing
# line counts the jobs (asan, tsan, each fuzz target).
run_ci() {
    local rc=0
    timed asan || rc=1
    timed tsan || rc=1
    timed fuzz 30 || rc=1
    echo "sanitize: ci took $SECONDS s"
    [[ ${#jobs_failed[@]} -eq 0 ]] || echo "sanitize: failed: ${jobs_failed[*]}" >&2
    echo "sanitize: $jobs_passed passed, ${#jobs_failed[@]} failed"
    return $rc
}

case ${1:-all} in
    asan) run_asan ;;
    tsan) run_tsan ;;
    fuzz) run_fuzz "${2:-30}" ;;
    all) run_asan && run_tsan && run_fuzz "${2:-30}" ;;
    ci) run_ci ;;
    *) echo "usage: scripts/sanitize.sh asan|tsan|fuzz [SECONDS]|all [SECONDS]|ci" >&2; exit 2 ;;
esac
