#!/usr/bin/env bash
# The real pre-commit framework (Debian's pre-commit package) running this repository's
# .pre-commit-hooks.yaml at HEAD in a scratch repository: a defective notice is blocked with
# its diagnostics printed, a clean one commits, README.md and requirements.txt are not
# passed to it, the repository config's include chooses the notices (--force-exclude), and
# a binary .docx notice reaches the hook.
# Usage: precommit_framework.test.sh path/to/noticelint source-dir
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
fail=0
bad() { echo "precommit-framework: FAIL: $*"; fail=1; }
command -v pre-commit >/dev/null ||
	{ echo "precommit-framework: FAIL: pre-commit is not installed (tools/deps.sh installs it)"; exit 1; }
rev=$(git -C "$src" rev-parse HEAD 2>/dev/null) ||
	{ echo "precommit-framework: FAIL: $src is not a git checkout"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-pcf.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp PRE_COMMIT_HOME=$tmp/cache GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=t \
	GIT_COMMITTER_EMAIL=t@example.org
git config --global --add safe.directory '*'

# language: system runs `noticelint` from PATH; this one uses the fixed test pack.
mkdir -p "$tmp/bin"
printf '#!/bin/sh\nexec "%s" --no-default-rules --rules "%s" "$@"\n' \
	"$bin" "$src/fixtures/formats/pack.yml" >"$tmp/bin/noticelint"
chmod +x "$tmp/bin/noticelint"
export PATH="$tmp/bin:$PATH"

repo=$tmp/repo
git init -q "$repo" && cd "$repo" || exit 1
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $src
    rev: $rev
    hooks:
      - id: noticelint
YAML
git add .pre-commit-config.yaml
pre-commit install >"$tmp/out" 2>&1 || bad "pre-commit install failed: $(cat "$tmp/out")"

cp "$src/fixtures/seeds/002_4720707dcb0128ec.txt" notice.txt
git add notice.txt
git commit -q -m defect >"$tmp/out" 2>&1 && bad "the defective notice was committed"
grep -q '^notice.txt:[0-9]*:[0-9]*: error:' "$tmp/out" ||
	bad "no diagnostics printed: $(head -20 "$tmp/out")"
grep -q 'noticelint.*Failed' "$tmp/out" || bad "the framework did not report the hook as failed"

printf '联系电话：0812-3866910。\n' >notice.txt
git add notice.txt
git commit -q -m clean >"$tmp/out" 2>&1 || bad "the clean notice was blocked: $(cat "$tmp/out")"
[ -n "$(git rev-parse -q --verify HEAD)" ] || bad "no commit was made"

pct='完成率 92%，整改到位。'
printf '%s\n' "$pct" >README.md
printf '%s\n' "$pct" >requirements.txt
git add README.md requirements.txt
git commit -q -m docs >"$tmp/out" 2>&1 || bad "README.md or requirements.txt reached the hook: $(cat "$tmp/out")"

printf 'include: ["notices/*"]\n' >.noticelint.yml
mkdir -p drafts notices
printf '%s\n' "$pct" >drafts/草稿.txt
git add .noticelint.yml drafts
git commit -q -m drafts >"$tmp/out" 2>&1 || bad "a file outside include was linted: $(cat "$tmp/out")"
printf '%s\n' "$pct" >notices/通报.txt
git add notices
git commit -q -m notice >"$tmp/out" 2>&1 && bad "a defective notice under include was committed"
grep -q '^notices/通报.txt:1:[0-9]*: error:' "$tmp/out" || bad "no diagnostics: $(head -20 "$tmp/out")"

# A Word notice is binary: it reaches the hook all the same.
git reset -q
rm -f notices/通报.txt
cp "$src/fixtures/docx/001-typed.docx" notices/通报.docx
git add notices
git commit -q -m docx >"$tmp/out" 2>&1 && bad "a defective .docx notice was committed"
grep -q '^notices/通报.docx:[0-9]*:[0-9]*: error:' "$tmp/out" ||
	bad "no diagnostics for the .docx notice: $(head -20 "$tmp/out")"

if [ $fail -ne 0 ]; then echo "precommit-framework: FAILED"; exit 1; fi
echo "precommit-framework: the pre-commit framework blocks defective notices and passes clean ones"
