#!/usr/bin/env bash
# Times `roles audit` against `git log` on the same repository (see README "Performance").
#
#   bench/run.sh --generate 100000            # a synthetic repository of 100k commits
#   bench/run.sh --repo ../nova --runs 7      # any repository, bare or not
#
# For each repository, in the same run and interleaved (one of each per round, so that a
# busy machine slows all alike), it measures:
#   git log       git log --no-renames --name-only --format=%H%x09%ae%x09%at%x09%s HEAD
#   cold          roles audit with an empty cache (the run also writes the cache)
#   warm          roles audit with the cache of that same commit
#   incremental   roles audit with a cache made for HEAD~N, N first-parent steps back
#                 such that about --new percent of the commits are new
# and prints medians of wall time, their ratio to git log, and peak memory (max RSS from
# /usr/bin/time -v), as a Markdown table row (and as tab-separated lines with --tsv FILE).
#
# Options:
#   --generate N     build (or reuse) bench-N.git under --work with N commits (seed 1)
#   --repo PATH      benchmark an existing repository
#   --runs K         rounds (default 5)
#   --new P          percent of new commits for the incremental case (default 1)
#   --roles BIN      the roles binary (default: build/bin/roles)
#   --gen BIN        the generator (default: next to the roles binary)
#   --work DIR       where generated repositories and caches go (default /tmp/roles-bench)
#   --threads T      passed to roles audit as --threads (default: roles' own default)
#   --tsv FILE       append raw measurements to FILE
# Several --generate/--repo may be given; each is one row.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
runs=5
new_percent=1
roles_bin="$here/../build/bin/roles"
gen_bin=""
work=/tmp/roles-bench
threads=""
tsv=""
targets=()

die() { echo "bench: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --generate) targets+=("gen:$2"); shift 2 ;;
    --repo) targets+=("repo:$2"); shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --new) new_percent="$2"; shift 2 ;;
    --roles) roles_bin="$2"; shift 2 ;;
    --gen) gen_bin="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --tsv) tsv="$2"; shift 2 ;;
    -h|--help) sed -n '2,28p' "$0"; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || die "give --generate N or --repo PATH (see --help)"
[ -x "$roles_bin" ] || die "no roles binary at '$roles_bin' (build first, or pass --roles)"
[ -n "$gen_bin" ] || gen_bin="$(dirname "$roles_bin")/roles_bench_gen"
if [ ! -x /usr/bin/time ]; then
  [ "$(id -u)" -eq 0 ] || die "/usr/bin/time is missing: apt-get install time"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends time >/dev/null
fi
mkdir -p "$work"

# Builds bench-N.git once: fast-import, then a full repack as a clone from a server has.
generate() {
  local commits="$1" repo="$work/bench-$1.git"
  if [ ! -f "$repo/.complete" ]; then
    [ -x "$gen_bin" ] || die "no generator at '$gen_bin' (cmake --build builds roles_bench_gen)"
    rm -rf "$repo"
    git init --quiet --bare "$repo"
    git -C "$repo" symbolic-ref HEAD refs/heads/main
    echo "bench: generating $commits commits in $repo" >&2
    "$gen_bin" "$commits" 1 | git -C "$repo" fast-import --quiet
    echo "bench: repacking $repo" >&2
    git -C "$repo" repack -adf --quiet --window=10 --depth=50
    git -C "$repo" branch -D topic --quiet 2>/dev/null || true
    touch "$repo/.complete"
  fi
  echo "$repo"
}

# "seconds max-rss-kib" of one command, its output discarded. The wall time is taken here
# in nanoseconds (time's %e has only centiseconds, 6% of a 0.16 s run); /usr/bin/time
# gives the peak memory.
measure() {
  local log start end
  log="$(mktemp)"
  start="$(date +%s%N)"
  /usr/bin/time -f '%M' -o "$log" "$@" >/dev/null 2>&1 || true
  end="$(date +%s%N)"
  echo "$(( (end - start) / 1000000 ))" "$(tail -n 1 "$log")" | awk '{ printf "%.3f %s\n", $1 / 1000, $2 }'
  rm -f "$log"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

bench_one() {
  local repo="$1" label="$2"
  local cache="$work/cache-$label" snapshot="$work/cache-$label-old"
  local total steps base fresh
  total="$(git -C "$repo" rev-list --count HEAD)"
  steps="$(git -C "$repo" rev-list --first-parent --count HEAD)"
  steps=$(( steps * new_percent / 100 )); [ "$steps" -ge 1 ] || steps=1
  base="HEAD~$steps"
  fresh="$(git -C "$repo" rev-list --count "$base..HEAD")"
  local -a roles_args=(audit "$repo" --quiet --cache-dir "$cache")
  [ -z "$threads" ] || roles_args+=(--threads "$threads")
  # The incremental case starts from a cache made for HEAD~N, restored before each run.
  rm -rf "$snapshot" "$cache"
  "$roles_bin" "${roles_args[@]}" --ref "$base" >/dev/null 2>&1 || true
  mv "$cache" "$snapshot"
  local -a git_times=() git_mem=() cold_times=() cold_mem=() warm_times=() warm_mem=() inc_times=() inc_mem=()
  local round t m
  for round in $(seq "$runs"); do
    read -r t m < <(measure git -C "$repo" log --no-renames --name-only '--format=%H%x09%ae%x09%at%x09%s' HEAD)
    git_times+=("$t"); git_mem+=("$m")
    rm -rf "$cache"
    read -r t m < <(measure "$roles_bin" "${roles_args[@]}")
    cold_times+=("$t"); cold_mem+=("$m")
    read -r t m < <(measure "$roles_bin" "${roles_args[@]}")
    warm_times+=("$t"); warm_mem+=("$m")
    rm -rf "$cache"; cp -r "$snapshot" "$cache"
    read -r t m < <(measure "$roles_bin" "${roles_args[@]}")
    inc_times+=("$t"); inc_mem+=("$m")
    echo "bench: $label round $round: git ${git_times[-1]} s, cold ${cold_times[-1]} s, warm ${warm_times[-1]} s, incremental ${inc_times[-1]} s" >&2
    if [ -n "$tsv" ]; then
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$round" "${git_times[-1]}" "${git_mem[-1]}" \
        "${cold_times[-1]}" "${cold_mem[-1]}" "${warm_times[-1]}" "${warm_mem[-1]}" "${inc_times[-1]}" "${inc_mem[-1]}" >>"$tsv"
    fi
  done
  rm -rf "$snapshot" "$cache"
  local g c w i gm cm
  g="$(printf '%s\n' "${git_times[@]}" | median)"
  c="$(printf '%s\n' "${cold_times[@]}" | median)"
  w="$(printf '%s\n' "${warm_times[@]}" | median)"
  i="$(printf '%s\n' "${inc_times[@]}" | median)"
  gm="$(printf '%s\n' "${git_mem[@]}" | median)"
  cm="$(printf '%s\n' "${cold_mem[@]}" | median)"
  awk -v label="$label" -v total="$total" -v fresh="$fresh" -v g="$g" -v c="$c" -v w="$w" -v i="$i" \
      -v gm="$gm" -v cm="$cm" -v wm="$(printf '%s\n' "${warm_mem[@]}" | median)" 'BEGIN {
    printf "| %s | %d | %.2f s | %.2f s (%.2f×) | %.3f s (%.3f×) | %.3f s (%.3f×, %d new) | %.0f MiB | %.0f MiB (%.2f×) | %.0f MiB |\n",
      label, total, g, c, c / g, w, w / g, i, i / g, fresh, gm / 1024, cm / 1024, cm / gm, wm / 1024
  }'
}

# The machine the figures come from, before the table (and as comment lines of the --tsv file),
# so that figures from two machines are never compared blind.
machine_info() {
  local cpu cores mem kernel gitv rolesv commit
  cpu="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)"
  cores="$(nproc 2>/dev/null || echo '?')"
  mem="$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)"
  kernel="$(uname -sr)"
  gitv="$(git --version)"
  rolesv="$("$roles_bin" --version 2>/dev/null | head -n 1)"
  commit="$(git -C "$here/.." rev-parse --short HEAD 2>/dev/null || echo unknown)"
  printf 'machine: %s\n' "${cpu:-unknown CPU}, $cores cores, ${mem:-unknown memory}, $kernel"
  printf 'tools: %s\n' "$gitv; ${rolesv:-roles (unknown version)} at commit $commit"
}
machine_info
if [ -n "$tsv" ]; then machine_info | sed 's/^/# /' >>"$tsv"; fi
echo
echo "| repository | commits | git log | roles cold | roles warm | roles incremental | git log RSS | roles cold RSS | roles warm RSS |"
echo "|---|---|---|---|---|---|---|---|---|"
for target in "${targets[@]}"; do
  case "$target" in
    gen:*) repo="$(generate "${target#gen:}")"; label="generated-${target#gen:}" ;;
    repo:*) repo="${target#repo:}"; label="$(basename "$(cd "$repo" && pwd)")" ;;
  esac
  [ "$label" != "repo" ] || label="$(basename "$(dirname "$(cd "$repo" && pwd)")")"
  bench_one "$repo" "$label"
done
