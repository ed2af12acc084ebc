#!/usr/bin/env bash
# The real pre-commit framework (Debian's pre-commit package) running this repository's
# .pre-commit-hooks.yaml at HEAD in a scratch repository: a defective notice is blocked with
# its diagnostics printed, a clean one commits.
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

if [ $fail -ne 0 ]; then echo "precommit-framework: FAILED"; exit 1; fi
echo "precommit-framework: the pre-commit framework blocks defective notices and passes clean ones"
