#!/usr/bin/env bash
# --jobs: linting the seeds (and input fixtures) on 2 and 4 threads prints exactly what one
# thread prints, in every format, with the same exit status; bad values are usage errors.
# Usage: jobs.test.sh path/to/noticelint source-dir
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-jobs.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
bad() { echo "jobs: FAIL: $*"; fail=1; }
export NOTICELINT_RULES="$src/rules"
cd "$src" || exit 1
lint() { "$bin" --today 2026-11-23 --color never "$@" fixtures/seeds fixtures/input missing.txt; }

for fmt in human json jsonl github sarif; do
	lint --format "$fmt" --jobs 1 >"$tmp/1" 2>"$tmp/e1"
	rc1=$?
	[ -s "$tmp/1" ] || bad "$fmt: --jobs 1 printed nothing"
	for j in 2 4; do
		lint --format "$fmt" -j "$j" >"$tmp/n" 2>"$tmp/en"
		rc=$?
		cmp -s "$tmp/1" "$tmp/n" || bad "$fmt: --jobs $j output differs from --jobs 1"
		cmp -s "$tmp/e1" "$tmp/en" || bad "$fmt: --jobs $j stderr differs"
		[ "$rc" = "$rc1" ] || bad "$fmt: --jobs $j exit $rc, --jobs 1 exit $rc1"
	done
done
[ "$rc1" = 2 ] || bad "the missing file did not make the exit status 2"

for v in 0 65 x 2x; do
	"$bin" --jobs "$v" fixtures/seeds >/dev/null 2>"$tmp/err"
	[ $? = 2 ] || bad "--jobs $v accepted"
done

if [ $fail -ne 0 ]; then echo "jobs: FAILED"; exit 1; fi
echo "jobs: parallel output is identical to sequential output"
