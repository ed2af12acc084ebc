#!/usr/bin/env bash
# --output FILE: the report lands in FILE (not on stdout) with the lint exit status, an
# existing FILE is replaced whole, a missing directory is output-write-failed with exit 2
# and nothing written, and no temporary file is left behind.
# Usage: output.test.sh path/to/noticelint source-dir
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-output.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
bad() { echo "output: FAIL: $*"; fail=1; }
export NOTICELINT_RULES="$src/rules"
cd "$src" || exit 1
seed=fixtures/seeds/002_4720707dcb0128ec.txt
lint() { "$bin" --today 2026-11-23 --lang en "$@"; }

lint --format json "$seed" >"$tmp/stdout.json" 2>/dev/null
want_rc=$?
[ "$want_rc" = 1 ] || bad "seed 002 should have errors (exit $want_rc)"
echo "old contents" >"$tmp/report.json"
lint --format json --output "$tmp/report.json" "$seed" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" = "$want_rc" ] || bad "--output changed the exit status: $rc, expected $want_rc"
[ -s "$tmp/out" ] && bad "--output still printed to stdout"
[ -s "$tmp/err" ] && bad "--output wrote to stderr: $(cat "$tmp/err")"
cmp -s "$tmp/stdout.json" "$tmp/report.json" || bad "--output FILE differs from stdout output"
ls -A "$tmp" | grep -q '^\.noticelint-' && bad "a temporary file was left behind"

printf '联系电话：0812-3866910。\n' >"$tmp/clean.txt"
lint -o "$tmp/human.txt" --no-default-rules --rules fixtures/formats/pack.yml "$tmp/clean.txt"
[ $? = 0 ] || bad "clean file via -o did not exit 0"
grep -q '0 errors, 0 warnings, 0 infos in 1 files' "$tmp/human.txt" || bad "-o human report wrong"
grep -q $'\033' "$tmp/human.txt" && bad "colour escapes written to a file"

lint --output "$tmp/no/such/dir/report.sarif" --format sarif "$seed" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" = 2 ] || bad "missing directory: exit $rc, expected 2"
grep -q "noticelint: cannot write the output: $tmp/no/such/dir/report.sarif: No such file or directory" \
	"$tmp/err" || bad "missing directory: unclear error: $(cat "$tmp/err")"
[ -s "$tmp/out" ] && bad "missing directory: report went to stdout"
[ -e "$tmp/no" ] && bad "missing directory: something was created"

if [ $fail -ne 0 ]; then echo "output: FAILED"; exit 1; fi
echo "output: --output writes atomically and fails cleanly"
