#!/usr/bin/env bash
# Output equivalence of two noticelint builds, or of one build's two prefilter modes: every
# fixture notice and the whole generated corpus are linted by both, as JSON and as human
# text (--today 2025-12-31), and each pair of outputs and exit statuses must be identical.
# Usage: bench/equiv.sh [--old-args ARGS] [--new-args ARGS] [--jobs N] OLD NEW
#   ARGS are split on spaces; by default OLD runs with none and NEW with
#   --prefilter vectorscan. --jobs N lints the corpus N files at once (default 1).
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
old_args=""
new_args="--prefilter vectorscan"
jobs=1
while [ $# -gt 2 ]; do
	case $1 in
	--old-args) old_args=$2; shift 2 ;;
	--new-args) new_args=$2; shift 2 ;;
	--jobs) jobs=$2; shift 2 ;;
	*) break ;;
	esac
done
[ $# -eq 2 ] || { sed -n '2,7s/^# \{0,1\}//p' "$0" >&2; exit 2; }
old=$1
new=$2
corpus=$src/build-bench/corpus
[ -d "$corpus/notices" ] || python3 "$src/bench/gen_corpus.py" --out "$corpus" >/dev/null
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-equiv.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export NOTICELINT_RULES=$src/rules
cd "$src"
mapfile -t fixtures < <(find fixtures -type f \( -name '*.txt' -o -name '*.md' -o -name '*.docx' \
	-o -name '*.html' -o -name '*.htm' -o -name '*.pdf' \) ! -name '*.expected.*' | LC_ALL=C sort)
fail=0
# same NAME ARGS...: runs both builds on ARGS and compares stdout and exit status.
same() {
	local name=$1 rc_old rc_new
	shift
	# shellcheck disable=SC2086
	"$old" $old_args "$@" >"$tmp/old" 2>/dev/null && rc_old=0 || rc_old=$?
	# shellcheck disable=SC2086
	"$new" $new_args "$@" >"$tmp/new" 2>/dev/null && rc_new=0 || rc_new=$?
	if [ "$rc_old" != "$rc_new" ] || ! cmp -s "$tmp/old" "$tmp/new"; then
		echo "equiv: FAIL: $name (exit $rc_old vs $rc_new, $(wc -c <"$tmp/old") vs $(wc -c <"$tmp/new") bytes)"
		cmp "$tmp/old" "$tmp/new" | head -1
		fail=1
	else
		echo "equiv: same: $name ($(wc -c <"$tmp/new") bytes, exit $rc_new)"
	fi
}
same "fixtures, json" --today 2025-12-31 --format json "${fixtures[@]}"
same "fixtures, human" --today 2025-12-31 --format human --color never "${fixtures[@]}"
same "corpus, json" --today 2025-12-31 --format json --jobs "$jobs" "$corpus/notices"
same "corpus, human" --today 2025-12-31 --format human --color never --jobs "$jobs" "$corpus/notices"
[ "$fail" -eq 0 ] && echo "equiv: PASS (${#fixtures[@]} fixture files and $(find "$corpus/notices" -type f | wc -l) corpus notices)"
exit "$fail"
