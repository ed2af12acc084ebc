#!/usr/bin/env bash
# Runs every golden fixture through a non-sanitized build (build-valgrind) under valgrind
# memcheck, in JSON and human format, plus one multi-file run with --jobs 2 in each other
# format; fails on any memcheck error or leak, or when the JSON differs from its golden.
# tools/valgrind.supp hides only the vector reads of PCRE2 JIT code (no object file).
# Usage: tools/valgrind.sh
set -uo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
out=$src/build-valgrind
command -v valgrind >/dev/null || { echo "valgrind: not installed (apt-get install valgrind)" >&2; exit 2; }
cmake -S "$src" -B "$out" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNL_TESTS=OFF >/dev/null || exit 2
cmake --build "$out" -j"$(nproc)" --target noticelint >/dev/null || exit 2
bin=$out/noticelint
export NOTICELINT_RULES=$src/rules
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-valgrind.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$src" || exit 2
fail=0
runs=0

# vg ARGS...: runs the binary under memcheck with output in $tmp/out; exit 99 is memcheck's.
vg() {
	runs=$((runs + 1))
	valgrind -q --suppressions="$src/tools/valgrind.supp" --error-exitcode=99 \
		--leak-check=full --show-leak-kinds=definite,indirect \
		--errors-for-leak-kinds=definite,indirect "$bin" "$@" >"$tmp/out" 2>"$tmp/err"
	local rc=$?
	if [ "$rc" -eq 99 ] || grep -q '^==[0-9]*==' "$tmp/err"; then
		echo "valgrind: FAIL: noticelint $*"
		head -40 "$tmp/err"
		fail=1
	fi
}

while IFS= read -r f; do
	base=${f%.*}
	[ -f "$base.expected.json" ] || continue
	vg --today 2026-11-23 --format json "$f"
	diff -q "$base.expected.json" "$tmp/out" >/dev/null || { echo "valgrind: $f: JSON differs"; fail=1; }
	vg --today 2026-11-23 --format human --color never "$f"
done < <(find fixtures -type f \( -name '*.txt' -o -name '*.md' \) ! -name '*.expected.out' |
	LC_ALL=C sort)
for fmt in jsonl github sarif; do
	vg --today 2026-11-23 --jobs 2 --format "$fmt" fixtures/seeds fixtures/input
done
vg --check-rules
[ "$fail" -eq 0 ] && echo "valgrind: $runs runs clean (memcheck, --leak-check=full)"
exit "$fail"
