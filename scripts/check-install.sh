#!/usr/bin/env bash
# Install-layout test (ctest `install_layout`): `cmake --install BUILD --prefix TMP`, then run
# TMP/bin/roles from the prefix, never the build tree: `roles hats` must list the built-in
# catalogs (found under TMP/share/roles/catalogs) and `roles audit` must pass on the `healthy`
# example. Also checks the schemas, and the man page and completion scripts generated from the
# binary's options: installed where man, bash-completion, zsh and fish look, and readable from
# the prefix (groff renders the page without a warning; bash sources its script and registers
# the completion, which offers every command; the zsh and fish scripts are checked by content,
# with zsh -n / fish -n as well when those shells are installed).
# Usage: scripts/check-install.sh BUILD_DIR
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
man_page=$tmp/prefix/share/man/man1/roles.1
bash_script=$tmp/prefix/share/bash-completion/completions/roles
zsh_script=$tmp/prefix/share/zsh/site-functions/_roles
fish_script=$tmp/prefix/share/fish/vendor_completions.d/roles.fish
for file in "$man_page" "$bash_script" "$zsh_script" "$fish_script"; do
  [ -s "$file" ] || fail "${file#"$tmp/prefix/"} not installed"
done
commands=$("$tmp/prefix/bin/roles" --help | awk '/^Subcommands:/ {on = 1; next} on && /^  [a-z]/ {print $1}')
[ -n "$commands" ] || fail "roles --help lists no commands"
# The man page: groff (man(7) macros) renders it without a warning, with a section per command.
if command -v groff >/dev/null; then
  groff -man -Tutf8 -ww -z "$man_page" 2>"$tmp/groff.err" || fail "groff cannot render roles.1"
  [ ! -s "$tmp/groff.err" ] || fail "groff warns on roles.1: $(cat "$tmp/groff.err")"
fi
if command -v man >/dev/null; then
  MANWIDTH=80 man -l "$man_page" >"$tmp/man.txt" 2>/dev/null || fail "man -l cannot read roles.1"
  grep -q "EXIT STATUS" "$tmp/man.txt" || fail "man -l roles.1 has no EXIT STATUS section"
fi
for command in $commands; do
  grep -q "^\.SS \"roles $command\"" "$man_page" || fail "roles.1 has no section for $command"
done
# bash: the installed script registers the completion and offers every command.
offered=$(bash -c 'source "$1"; complete -p roles >/dev/null || exit 1
  COMP_WORDS=(roles ""); COMP_CWORD=1; _roles; printf "%s\n" "${COMPREPLY[@]}"' _ "$bash_script") \
  || fail "sourcing the bash completion does not register 'complete -F _roles roles'"
for command in $commands; do
  grep -qx "$command" <<<"$offered" || fail "the bash completion does not offer $command"
done
# zsh and fish: the structure each shell needs, and every command.
head -1 "$zsh_script" | grep -qx "#compdef roles" || fail "_roles does not start with #compdef roles"
grep -q '^_roles "\$@"$' "$zsh_script" || fail "_roles does not call _roles"
[ "$(grep -c '^ *case ' "$zsh_script")" = "$(grep -c '^ *esac$' "$zsh_script")" ] || fail "_roles: case and esac do not pair"
[ "$(grep -c '_arguments' "$zsh_script")" = "$(( $(wc -w <<<"$commands") + 1 ))" ] \
  || fail "_roles: not one _arguments per command (plus the top level)"
grep -q '^complete -c roles ' "$fish_script" || fail "roles.fish has no 'complete -c roles'"
for command in $commands; do
  grep -q "^                $command)$" "$zsh_script" || fail "_roles has no case for $command"
  grep -q -- "-a $command -d " "$fish_script" || fail "roles.fish does not offer $command"
done
if command -v zsh >/dev/null; then zsh -n "$zsh_script" || fail "zsh -n rejects _roles"; fi
if command -v fish >/dev/null; then fish -n "$fish_script" || fail "fish -n rejects roles.fish"; fi
# Run from the prefix with the working directory outside the source and build trees.
hats=$(cd "$tmp" && "$tmp/prefix/bin/roles" hats) || fail "roles hats failed from the prefix"
echo "$hats" | grep -q "generic" || fail "roles hats from the prefix does not list the generic catalog: $hats"
"$here/examples/build.sh" healthy "$tmp/healthy" >/dev/null
(cd "$tmp" && "$tmp/prefix/bin/roles" audit "$tmp/healthy" --no-cache >"$tmp/audit.txt") \
  || { cat "$tmp/audit.txt" >&2; fail "roles audit of the healthy example failed from the prefix"; }
echo "install_layout: bin/roles, $(ls "$tmp/prefix/share/roles/catalogs" | wc -l) catalogs, roles.1 and the bash, zsh and fish completions of $(wc -w <<<"$commands") commands; hats and audit run from the prefix"
