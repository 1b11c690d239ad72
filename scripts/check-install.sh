#!/usr/bin/env bash
# Install-layout test (ctest `install_layout`): `cmake --install BUILD --prefix TMP`, then run
# TMP/bin/roles from the prefix, never the build tree: `roles hats` must list the built-in
# catalogs (found under TMP/share/roles/catalogs) and `roles audit` must pass on the `healthy`
# example. Also checks that whatever schemas, man page and completions the build installs are
# there. Usage: scripts/check-install.sh BUILD_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: check-install.sh BUILD_DIR}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >"$tmp/install.log"
fail() { echo "install_layout: $*" >&2; cat "$tmp/install.log" >&2; exit 1; }
[ -x "$tmp/prefix/bin/roles" ] || fail "no bin/roles in the prefix"
ls "$tmp/prefix/share/roles/catalogs/"*.yaml >/dev/null 2>&1 || fail "no catalogs in share/roles/catalogs"
[ ! -d "$here/schemas" ] || ls "$tmp/prefix/share/roles/schemas/"* >/dev/null 2>&1 || fail "schemas/ not installed"
for schema in "$here/schemas/"*.schema.json; do
  [ -e "$schema" ] || continue
  cmp -s "$schema" "$tmp/prefix/share/roles/schemas/${schema##*/}" || fail "${schema##*/} not installed as is"
done
[ ! -d "$here/man" ] || ls "$tmp/prefix/share/man/man1/"* >/dev/null 2>&1 || fail "man page not installed"
[ ! -d "$here/completions" ] || ls "$tmp/prefix/share/"*completion* >/dev/null 2>&1 || fail "completions not installed"
# Run from the prefix with the working directory outside the source and build trees.
hats=$(cd "$tmp" && "$tmp/prefix/bin/roles" hats) || fail "roles hats failed from the prefix"
echo "$hats" | grep -q "generic" || fail "roles hats from the prefix does not list the generic catalog: $hats"
"$here/examples/build.sh" healthy "$tmp/healthy" >/dev/null
(cd "$tmp" && "$tmp/prefix/bin/roles" audit "$tmp/healthy" --no-cache >"$tmp/audit.txt") \
  || { cat "$tmp/audit.txt" >&2; fail "roles audit of the healthy example failed from the prefix"; }
echo "install_layout: bin/roles, $(ls "$tmp/prefix/share/roles/catalogs" | wc -l) catalogs; hats and audit run from the prefix"
