#!/usr/bin/env bash
# Regenerates golden outputs: NAME.expected.json (the `--format json` output) and
# NAME.expected.out (`# exit: N`, then the `--format human --color never` output) for every
# seed notice, every fixture notice that already has them, and any FILE named. Runs from the
# source directory with relative paths and --today 2026-11-23, as golden.test.sh does.
# Review the changes (git diff fixtures/) before committing them.
# Usage: tests/update-golden.sh [path/to/noticelint] [FILE...]   (default build/noticelint)
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-build/noticelint}
[ $# -gt 0 ] && shift
[ -x "$bin" ] || bin=$src/$bin
[ -x "$bin" ] || { echo "update-golden: no noticelint binary at $bin" >&2; exit 2; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
extra=()
for f in "$@"; do
	extra+=("$(realpath --relative-to="$src" "$f")")
done
today=2026-11-23
export NOTICELINT_RULES="$src/rules"
unset NO_COLOR COLUMNS
cd "$src"

list() {
	find fixtures -type f \( -name '*.txt' -o -name '*.md' -o -name '*.docx' -o -name '*.html' -o -name '*.htm' -o -name '*.pdf' \) ! -name '*.expected.out' |
	while IFS= read -r f; do
		if [[ $f == fixtures/seeds/* || -f ${f%.*}.expected.json ]]; then
			echo "$f"
		fi
	done
	for f in "${extra[@]+"${extra[@]}"}"; do echo "$f"; done
}

n=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-update-golden.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
while IFS= read -r f; do
	base=${f%.*}
	set +e
	"$bin" --today "$today" --format json "$f" >"$tmp/json" 2>"$tmp/err"
	"$bin" --today "$today" --format human --color never "$f" >"$tmp/human" 2>>"$tmp/err"
	rc=$?
	set -e
	# Output on stderr means the run itself is broken (a rule pack that does not load):
	# such output is no golden.
	if [ -s "$tmp/err" ]; then
		echo "update-golden: $f wrote to stderr; nothing updated for it:" >&2
		head -20 "$tmp/err" >&2
		exit 1
	fi
	mv "$tmp/json" "$base.expected.json"
	{ echo "# exit: $rc"; cat "$tmp/human"; } >"$base.expected.out"
	n=$((n + 1))
	echo "update-golden: $f (exit $rc)"
done < <(list | LC_ALL=C sort -u)
echo "update-golden: $n fixtures written"
