#!/usr/bin/env bash
# The plain git hook tools/pre-commit in a scratch repository: a commit of a defective
# notice is blocked with its diagnostics printed, the staged content (not the work tree)
# is what gets linted, a clean notice commits silently, and .pre-commit-hooks.yaml defines
# the documented hook.
# Usage: precommit.test.sh path/to/noticelint source-dir
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-precommit.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
bad() { echo "precommit: FAIL: $*"; fail=1; }
command -v git >/dev/null || { echo "precommit: FAIL: git is not installed"; exit 1; }
export NOTICELINT="$bin --no-default-rules --rules $src/fixtures/formats/pack.yml"
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=t \
	GIT_COMMITTER_EMAIL=t@example.org GIT_CONFIG_NOSYSTEM=1 HOME=$tmp
repo=$tmp/repo
git init -q "$repo" && cd "$repo" || exit 1
cp "$src/tools/pre-commit" .git/hooks/pre-commit
chmod +x .git/hooks/pre-commit

# Defective: seed 002 has percentages (FMT-001, level error).
mkdir -p notices
cp "$src/fixtures/seeds/002_4720707dcb0128ec.txt" "notices/市委 通报.txt"
git add notices
git commit -q -m defect >"$tmp/out" 2>&1
rc=$?
[ "$rc" -ne 0 ] || bad "the defective notice was committed"
grep -q '^notices/市委 通报.txt:[0-9]*:[0-9]*: error: 百分数' "$tmp/out" ||
	bad "no diagnostics printed: $(head -5 "$tmp/out")"
grep -q 'commit blocked' "$tmp/out" || bad "no blocking message"
[ -z "$(git rev-parse -q --verify HEAD)" ] || bad "a commit was made"

# Fixed in the work tree only: the staged copy is still defective, so still blocked.
printf '联系电话：0812-3866910。\n' >"notices/市委 通报.txt"
git commit -q -m defect >"$tmp/out" 2>&1 && bad "the hook linted the work tree, not the index"

# Clean and staged: commits, silently.
git add notices
git commit -q -m clean >"$tmp/out" 2>&1 || bad "the clean notice was blocked: $(cat "$tmp/out")"
[ -s "$tmp/out" ] && bad "the hook printed on a clean commit: $(cat "$tmp/out")"
[ -n "$(git rev-parse -q --verify HEAD)" ] || bad "no commit was made"

# Files other than notices do not reach the linter.
printf 'int main(void) { return 0; }\n' >prog.c
git add prog.c
NOTICELINT=false git commit -q -m code >"$tmp/out" 2>&1 || bad "a non-notice commit was blocked"

# The framework's hook definition says what the README says.
y=$src/.pre-commit-hooks.yaml
for line in '- id: noticelint' 'entry: noticelint --quiet' 'language: system' \
	'files: \.(txt|md)$' 'require_serial: true'; do
	grep -qF -- "$line" "$y" || bad ".pre-commit-hooks.yaml lacks: $line"
done

if [ $fail -ne 0 ]; then echo "precommit: FAILED"; exit 1; fi
echo "precommit: the hook blocks defective notices and passes clean ones"
