#!/usr/bin/env bash
# Runs one libFuzzer target for SECONDS (fuzz/README.md):
#   scripts/fuzz.sh TARGET SECONDS [libFuzzer flags...]
#   scripts/fuzz.sh --list
# Builds build-fuzz/ (clang, ASan+UBSan, -DROLES_FUZZ=ON) when needed, seeds the working corpus
# build-fuzz/fuzz/corpus/TARGET from fuzz/corpus/TARGET and the files listed below, and keeps
# crashes in build-fuzz/fuzz/artifacts/TARGET/. Exit status: libFuzzer's (0 = nothing found).
# ROLES_FUZZ_BUILD (default build-fuzz), ROLES_FUZZ_JOBS (build jobs, default 1) and
# CXX (default clang++-14) change the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${ROLES_FUZZ_BUILD:-build-fuzz}

# Real inputs beside fuzz/corpus/TARGET, by target.
seeds() {
    case "$1" in
        roster) echo ROLES.yaml examples/*/ROLES.yaml ;;
        catalog) ls roles/*.yaml | grep -v automation.yaml ;;
        automation) echo roles/automation.yaml ;;
        import_openstack) echo tests/data/openstack-*.yaml ;;
        import_kubernetes) echo tests/data/kubernetes-*.yaml ;;
        import_maintainers) echo tests/data/*MAINTAINERS ;;
        import_codeowners) echo tests/data/*CODEOWNERS ;;
        import_owners) echo tests/data/*-OWNERS ;;
        *) ;;
    esac
}

targets() { sed -n 's/^roles_fuzz_target(\([a-z0-9_]*\).*/\1/p' fuzz/CMakeLists.txt; }

if [[ ${1:-} == --list ]]; then targets; exit 0; fi
if [[ $# -lt 2 ]]; then
    echo "usage: scripts/fuzz.sh TARGET SECONDS [libFuzzer flags...]  (targets: $(targets | tr '\n' ' '))" >&2
    exit 2
fi
target=$1 seconds=$2
shift 2
if ! targets | grep -qx "$target"; then
    echo "scripts/fuzz.sh: unknown target '$target' (targets: $(targets | tr '\n' ' '))" >&2
    exit 2
fi

if [[ ! -f $build/CMakeCache.txt ]]; then
    CMAKE_CXX_COMPILER_LAUNCHER=${CMAKE_CXX_COMPILER_LAUNCHER:-$(command -v ccache || true)} \
        cmake -S . -B "$build" -DCMAKE_CXX_COMPILER="${CXX:-clang++-14}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DROLES_FUZZ=ON -DROLES_BUILD_TESTS=OFF >/dev/null
fi
# Two runs at once (each target in its own process) must not build the same tree together.
flock "$build/.build-lock" cmake --build "$build" -j"${ROLES_FUZZ_JOBS:-1}" --target "fuzz_$target" >/dev/null

corpus=$build/fuzz/corpus/$target
artifacts=$build/fuzz/artifacts/$target
mkdir -p "$corpus" "$artifacts"
if [[ -d fuzz/corpus/$target ]]; then cp -n fuzz/corpus/"$target"/* "$corpus"/ 2>/dev/null || true; fi
for file in $(seeds "$target"); do
    [[ -f $file ]] && cp -n "$file" "$corpus/seed-$(echo "$file" | tr '/' '_')"
done

# The git-side targets also take seeds from a real repository when ROLES_FUZZ_SEED_REPO names
# one (a clone of git/git, say): fuzz/make_git_seeds.py extracts its newest commits, trees and
# a small pack into the build directory, never into fuzz/corpus/ (they are that project's).
if [[ -n ${ROLES_FUZZ_SEED_REPO:-} ]]; then
    real=$build/fuzz/real-seeds
    [[ -d $real ]] || ROLES_BINARY=$build/bin/roles fuzz/make_git_seeds.py "$real" "$ROLES_FUZZ_SEED_REPO"
    if [[ -d $real/$target ]]; then cp -n "$real/$target"/* "$corpus"/ 2>/dev/null || true; fi
fi

# Crash reports name functions and lines when LLVM's symbolizer is there (package llvm-14).
if [[ -z ${ASAN_SYMBOLIZER_PATH:-} && -x /usr/lib/llvm-14/bin/llvm-symbolizer ]]; then
    export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
fi
dict=()
[[ -f fuzz/dict/$target.dict ]] && dict=(-dict="$root/fuzz/dict/$target.dict")
# Leaks are reported by the ASan+UBSan suite (scripts/sanitize.sh), where libgit2's are suppressed.
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} \
    "$build/fuzz/fuzz_$target" "$corpus" "${dict[@]}" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$artifacts/" -print_final_stats=1 "$@"
