#!/usr/bin/env bash
# Reproduces the truck-factor validation table of README.md ("Truck factor: validation against
# the paper"): each repository is cut at the last commit before 2015-03-15 on the branch that
# was its default then, and roles' classic and absence-aware truck factors are printed beside
# the value of Avelino et al. (ICPC 2016). Fetches nothing: it reads the repositories given.
#
#   bench/truck_validation.sh ROLES_BINARY MIRROR[:BRANCH] ...
#
# MIRROR is a git directory (bare mirror or .git) of one repository of the table; its
# owner/name is read from the directory name (owner+name/repo, as the mirrors here are laid
# out) or from the last two path parts. BRANCH defaults to master, else main. The cut is
#   git rev-list -1 --first-parent --before=2015-03-15T00:00:00Z BRANCH
# (committer time; first parent, so a commit merged later from a side branch never ends it).
# Output: a Markdown table on stdout. Needs git and jq.
set -euo pipefail

if [[ $# -lt 2 ]]; then
  sed -n '2,15p' "$0" >&2
  exit 2
fi
roles=$1
shift
cut_date=2015-03-15T00:00:00Z

# The paper's Table 2 (the name it used, then its truck factor). Values marked with * were
# not found in a copy of the table: they come from the authors' results page as updated on
# 2016-04-15 (mtov/Truck-Factor, branch gh-pages, commit 90d4c55), which agrees with the
# table on every value checked. Its July 2015 version (7378b9b: jquery 3, rails 7, git 8)
# holds an earlier run's figures, not the paper's.
paper_value() {
  case "$1" in
    gruntjs/grunt | janl/mustache.js | requirejs/requirejs | Leaflet/Leaflet | less/less.js | \
      pallets/flask | rails/sprockets | thoughtbot/factory_bot | rails/thor) echo 1 ;;
    jashkenas/backbone | expressjs/express) echo 2 ;;
    jquery/jquery) echo '4*' ;;
    rails/rails) echo '9*' ;;
    git/git) echo '12*' ;;
    moment/moment) echo '19*' ;;
    *) echo '?' ;;
  esac
}

repo_name() {
  local dir=${1%/}
  dir=${dir%/repo}
  dir=${dir%/.git}
  local base=${dir##*/}
  if [[ $base == *+* ]]; then
    echo "${base%%+*}/${base#*+}"
  else
    local parent=${dir%/*}
    echo "${parent##*/}/$base"
  fi
}

echo "| repository | branch | cut (commit, date) | paper | roles classic | roles absence-aware (1y) | files |"
echo "|---|---|---|---|---|---|---|"
for spec in "$@"; do
  path=${spec%%:*}
  branch=
  [[ $spec == *:* ]] && branch=${spec#*:}
  if [[ -z $branch ]]; then
    if git -C "$path" rev-parse -q --verify refs/heads/master >/dev/null; then branch=master; else branch=main; fi
  fi
  name=$(repo_name "$path")
  cut=$(git -C "$path" rev-list -1 --first-parent --before="$cut_date" "refs/heads/$branch")
  day=$(git -C "$path" log -1 --format=%cs "$cut")
  json=$("$roles" audit "$path" --ref "$cut" --no-cache --format json --fail-on none)
  classic=$(jq -r '.health.truck_factor.truck_factor' <<<"$json")
  absent=$(jq -r '.health.truck_factor.absence_aware.truck_factor' <<<"$json")
  files=$(jq -r '.health.truck_factor.files' <<<"$json")
  echo "| $name | $branch | ${cut:0:10} $day | $(paper_value "$name") | $classic | $absent | $files |"
done
