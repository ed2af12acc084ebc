#!/usr/bin/env bash
# Golden tests. Every fixture notice (fixtures/**/*.txt, *.md, *.docx, *.html, *.htm or *.pdf)
# that has NAME.expected.json beside it is linted twice from the source directory, with relative paths and a fixed
# --today: `--format json` must print NAME.expected.json byte for byte, and
# `--format human --color never` must print NAME.expected.out after its first line,
# `# exit: N`, which records the exit status both runs must return. Nothing may appear on
# stderr. Regenerate with tests/update-golden.sh.
# Usage: golden.test.sh path/to/noticelint source-dir
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
today=2026-11-23
fail=0
count=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-golden.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export NOTICELINT_RULES="$src/rules"
unset NO_COLOR COLUMNS
cd "$src" || exit 1

bad() { echo "golden: FAIL: $*"; fail=1; }

while IFS= read -r f; do
	base=${f%.*}
	[ -f "$base.expected.json" ] || continue
	count=$((count + 1))
	want_rc=$(sed -n '1s/^# exit: \([0-9]*\)$/\1/p' "$base.expected.out" 2>/dev/null)
	[ -n "$want_rc" ] || { bad "$base.expected.out: missing or no '# exit: N' first line"; continue; }

	"$bin" --today "$today" --format json "$f" >"$tmp/json" 2>"$tmp/err"
	rc=$?
	diff -u "$base.expected.json" "$tmp/json" || bad "$f: JSON output differs"
	[ "$rc" = "$want_rc" ] || bad "$f: JSON run exited $rc, expected $want_rc"

	"$bin" --today "$today" --format human --color never "$f" >"$tmp/human" 2>>"$tmp/err"
	rc=$?
	{ echo "# exit: $rc"; cat "$tmp/human"; } >"$tmp/txt"
	diff -u "$base.expected.out" "$tmp/txt" || bad "$f: human output or exit status differs"

	[ -s "$tmp/err" ] && bad "$f: wrote to stderr: $(head -c 600 "$tmp/err")"
done < <(find fixtures -type f \( -name '*.txt' -o -name '*.md' -o -name '*.docx' -o -name '*.html' -o -name '*.htm' -o -name '*.pdf' \) ! -name '*.expected.out' |
	LC_ALL=C sort)

[ "$count" -gt 0 ] || bad "no fixture has an expected output"
if [ $fail -ne 0 ]; then
	echo "golden: FAILED (run tests/update-golden.sh after reviewing the differences)"
	exit 1
fi
echo "golden: $count fixtures match their expected output"
