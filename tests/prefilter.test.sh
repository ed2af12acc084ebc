#!/usr/bin/env bash
# --prefilter: every fixture notice linted in one run with the Vectorscan prefilter and in
# one without gives the same report byte for byte (JSON and human, one job and two) and the
# same exit status; --timing names the prefilter's row and each rule's engine; auto goes
# without the prefilter for one small notice, uses the database stored in the compiled pack
# for 1 MB of input and compiles none below 16 MB; a bad mode is a usage error.
# Usage: prefilter.test.sh path/to/noticelint source-dir
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-prefilter.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export NOTICELINT_RULES="$src/rules"
unset NO_COLOR
cd "$src" || exit 1
bad() { echo "prefilter: FAIL: $*"; fail=1; }

mapfile -t files < <(find fixtures -type f \( -name '*.txt' -o -name '*.md' -o -name '*.docx' \
	-o -name '*.html' -o -name '*.htm' -o -name '*.pdf' \) ! -name '*.expected.*' | LC_ALL=C sort)
[ "${#files[@]}" -ge 40 ] || bad "only ${#files[@]} fixture files found"

# both NAME ARGS...: the run with --prefilter off and the one with vectorscan must agree.
both() {
	local name=$1 rc_off rc_on
	shift
	"$bin" --prefilter off "$@" >"$tmp/off" 2>"$tmp/off.err"
	rc_off=$?
	"$bin" --prefilter vectorscan "$@" >"$tmp/on" 2>"$tmp/on.err"
	rc_on=$?
	[ "$rc_off" = "$rc_on" ] || bad "$name: exit $rc_off without the prefilter, $rc_on with it"
	cmp -s "$tmp/off" "$tmp/on" || bad "$name: reports differ: $(diff "$tmp/off" "$tmp/on" | head -5)"
	cmp -s "$tmp/off.err" "$tmp/on.err" || bad "$name: stderr differs: $(diff "$tmp/off.err" "$tmp/on.err" | head -5)"
	[ -s "$tmp/on" ] || bad "$name: empty report"
}
both "json" --today 2026-11-23 --format json "${files[@]}"
both "human" --today 2026-11-23 --format human --color never "${files[@]}"
both "json, 2 jobs" --today 2026-11-23 --format json --jobs 2 "${files[@]}"
both "jsonl, English" --today 2026-11-23 --format jsonl --lang en fixtures/seeds

# --timing: the prefilter's row and the engine column.
seed=$(ls fixtures/seeds/*.txt | head -1)
"$bin" --prefilter vectorscan --timing --lang en "$seed" >/dev/null 2>"$tmp/timing"
grep -q '^(prefilter) .*vectorscan' "$tmp/timing" || bad "no (prefilter) row: $(head -5 "$tmp/timing")"
grep -qE '^[A-Z]+-[0-9.]+ +[a-z-]+ +vectorscan ' "$tmp/timing" || bad "no rule served by vectorscan"
grep -q 'engine' "$tmp/timing" || bad "no engine column"
"$bin" --prefilter off --timing --lang en "$seed" >/dev/null 2>"$tmp/timing"
grep -q '^(prefilter)' "$tmp/timing" && bad "(prefilter) row without the prefilter"
grep -qE ' vectorscan ' "$tmp/timing" && bad "a rule served by vectorscan with --prefilter off"
grep -qE '^[A-Z]+-[0-9.]+ +[a-z-]+ +pcre2 ' "$tmp/timing" || bad "no rule served by pcre2 alone"
# The default mode goes without the prefilter for one small notice (under 1 MB of input);
# for 1 MB or more it uses the database the compiled default pack stores, and does not
# compile one when the pack is loaded from YAML (under 16 MB).
"$bin" --timing --lang en "$seed" >/dev/null 2>"$tmp/timing"
grep -q '^(prefilter)' "$tmp/timing" && bad "auto used the prefilter for one small notice"
grep -qE ' vectorscan ' "$tmp/timing" && bad "auto: a rule served by vectorscan for one small notice"
mkdir "$tmp/big"
for i in $(seq 20); do cp fixtures/seeds/004_6abf08291da1f359.txt "$tmp/big/$i.txt"; done
[ "$(cat "$tmp/big"/*.txt | wc -c)" -ge 1048576 ] || bad "the 1 MB input is smaller"
"$bin" --timing --lang en "$tmp/big" >/dev/null 2>"$tmp/timing"
grep -q '^(prefilter)' "$tmp/timing" || bad "auto did not use the stored database for 1 MB"
"$bin" --timing --lang en --no-pack-cache "$tmp/big" >/dev/null 2>"$tmp/timing"
grep -q '^(prefilter)' "$tmp/timing" && bad "auto compiled the database for 1 MB of input"

"$bin" --prefilter sometimes "$seed" >/dev/null 2>"$tmp/err"
rc=$?
[ "$rc" = 2 ] || bad "--prefilter sometimes: exit $rc, expected 2"
grep -q 'sometimes' "$tmp/err" || bad "--prefilter sometimes: message does not name the value: $(cat "$tmp/err")"

if [ $fail -ne 0 ]; then echo "prefilter: FAILED"; exit 1; fi
echo "prefilter: ${#files[@]} fixture files, same reports with and without the prefilter"
