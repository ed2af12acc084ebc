#!/usr/bin/env bash
# The plain git hook tools/pre-commit in a scratch repository: a commit of a defective
# notice is blocked with its diagnostics printed, the staged content (not the work tree)
# is what gets linted, a clean notice commits silently, a notice with findings below the
# fail level too, README.md and requirements.txt never reach the linter, the repository's
# .noticelint.yml applies (levels, and include/exclude choosing the notices among the named
# files), Word, web and PDF notices are linted from their staged bytes, and
# .pre-commit-hooks.yaml defines the documented hook.
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

# Findings below the fail level (an info) commit silently.
printf '巡察情况通报\n' >notices/info.txt
git add notices/info.txt
git commit -q -m info >"$tmp/out" 2>&1 || bad "an info-only notice was blocked: $(cat "$tmp/out")"
[ -s "$tmp/out" ] && bad "the hook printed info findings on a passing commit: $(cat "$tmp/out")"

# Files that are no notices by name are not linted, in any directory and case.
pct='完成率 92%，整改到位。'
mkdir -p docs
printf '%s\n' "$pct" >README.md
printf '%s\n' "$pct" >docs/readme-zh.md
printf '%s\n' "$pct" >requirements.txt
printf '%s\n' "$pct" >CMakeLists.txt
git add README.md docs requirements.txt CMakeLists.txt
git commit -q -m docs >"$tmp/out" 2>&1 || bad "README.md or requirements.txt was linted: $(cat "$tmp/out")"

# The repository's config applies to staged content: include chooses the notices among the
# named files (drafts/ is not linted), and its levels hold (FMT-001 becomes a warning).
printf 'include: ["notices/*"]\n' >.noticelint.yml
mkdir -p drafts
printf '%s\n' "$pct" >drafts/草稿.txt
git add .noticelint.yml drafts
git commit -q -m drafts >"$tmp/out" 2>&1 || bad "a file outside include was linted: $(cat "$tmp/out")"
printf '%s\n' "$pct" >notices/新通报.txt
git add notices/新通报.txt
git commit -q -m pct >"$tmp/out" 2>&1 && bad "a defective notice under include was committed"
grep -q '^notices/新通报.txt:1:[0-9]*: error:' "$tmp/out" || bad "no diagnostics: $(cat "$tmp/out")"
printf 'include: ["notices/*"]\nlevels: {FMT-001: warning}\n' >.noticelint.yml
git add .noticelint.yml
git commit -q -m levels >"$tmp/out" 2>&1 || bad "the config's levels were ignored: $(cat "$tmp/out")"
[ -s "$tmp/out" ] && bad "the hook printed on a passing commit: $(cat "$tmp/out")"
# A config in a subdirectory governs the files below it.
mkdir -p notices/严格
printf 'levels: {FMT-001: error}\n' >notices/严格/.noticelint.yml
printf '%s\n' "$pct" >notices/严格/通报.txt
git add notices/严格
git commit -q -m nested >"$tmp/out" 2>&1 && bad "the nearest config of the staged file was not used"

# A Word notice and a web page are linted from their staged bytes too (under notices/严格,
# whose config keeps FMT-001 an error); a PDF without findings at the fail level commits.
git reset -q
rm -f notices/严格/通报.txt
cp "$src/fixtures/docx/001-typed.docx" "notices/严格/县卫健局通报.DOCX"
git add notices/严格
git commit -q -m docx >"$tmp/out" 2>&1 && bad "the defective .docx notice was committed"
grep -q '^notices/严格/县卫健局通报.DOCX:[0-9]*:[0-9]*: error:' "$tmp/out" ||
	bad "no diagnostics for the .docx notice: $(head -5 "$tmp/out")"
git reset -q
rm -f "notices/严格/县卫健局通报.DOCX"
cp "$src/fixtures/html/003-gbk.html" notices/严格/page.html
git add notices/严格
git commit -q -m html >"$tmp/out" 2>&1 && bad "the defective .html notice was committed"
grep -q '^notices/严格/page.html:[0-9]*:[0-9]*: error:' "$tmp/out" ||
	bad "no diagnostics for the .html notice: $(head -5 "$tmp/out")"
git reset -q
rm -f notices/严格/page.html
cp "$src/fixtures/pdf/000.pdf" notices/严格/scan.pdf
git add notices/严格
git commit -q -m pdf >"$tmp/out" 2>&1 || bad "a .pdf notice without errors was blocked: $(cat "$tmp/out")"

# The framework's hook definition: only notices reach it, and it filters through the config.
y=$src/.pre-commit-hooks.yaml
for line in '- id: noticelint' 'entry: noticelint --quiet --force-exclude' 'language: system' \
	'types: [file]' 'files: (?i)\.(txt|md|docx|html?|pdf)$' 'require_serial: true'; do
	grep -qF -- "$line" "$y" || bad ".pre-commit-hooks.yaml lacks: $line"
done
python3 - "$y" <<'PY' || bad ".pre-commit-hooks.yaml passes the wrong files"
import re, sys, yaml
h = yaml.safe_load(open(sys.argv[1]))[0]
def passed(p):
    return re.search(h["files"], p) and not re.search(h["exclude"], p)
for p in ["README.md", "docs/Readme-zh.md", "requirements.txt", "requirements-dev.txt",
          "LICENSE.txt", "CHANGELOG.md", "CMakeLists.txt", "robots.txt", "a/README.txt"]:
    assert not passed(p), p
for p in ["notices/2025/市委巡察整改通报.txt", "notice-2025-01.txt", "通报.md", "readmes/a.txt",
          "news-2025.txt", "通报.docx", "a/通报.DOCX", "page.html", "page.htm", "scan.pdf"]:
    assert passed(p), p
PY
# The plain hook skips the same names.
skip=$(sed -n "s/^skip='\(.*\)'$/\1/p" "$src/tools/pre-commit")
grep -qF -- "${skip}" "$y" || bad "tools/pre-commit and .pre-commit-hooks.yaml skip different names"

if [ $fail -ne 0 ]; then echo "precommit: FAILED"; exit 1; fi
echo "precommit: the hook blocks defective notices and passes clean ones"
