#!/usr/bin/env bash
# Measures the repository layer on a generated repository (bench/gen_repo.py): a cold run
# with --corpus (empty cache), a warm run with nothing changed, a run after one notice
# changed, the same lint without the cache and without the corpus for reference; the corpus
# pass alone (the whole corpus indexed, one notice linted) warm and after a change; wall
# time, CPU time (user + system) and peak RSS from /usr/bin/time -v, the load average
# before and after, the sizes of corpus.db and results.db, whether the one-change report is
# the one a run without the cache gives, and precision and recall of the copy rules on the
# planted passages (bench/corpus_eval.py).
# Usage: bench/repo_bench.sh [--files N] [--jobs J] [path/to/noticelint]
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
files=20000
jobs=2
bin=$src/build-rel/noticelint
while [ $# -gt 0 ]; do
	case $1 in
	--files) files=$2; shift 2 ;;
	--jobs) jobs=$2; shift 2 ;;
	*) bin=$1; shift ;;
	esac
done
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
[ -x "$bin" ] || { echo "no binary at $bin (cmake -S . -B build-rel -DCMAKE_BUILD_TYPE=Release)" >&2; exit 2; }
repo=$src/build-bench/repo-$files
[ -d "$repo/notices" ] || python3 "$src/bench/gen_repo.py" --files "$files" --copies $((files / 100)) --out "$repo"
export NOTICELINT_RULES=$src/rules
cd "$repo"
bytes=$(cat notices/*.txt | wc -c)
echo "repository: $files notices, $bytes bytes"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
# run NAME ARGS...: one timed run over $inputs, report to NAME.json
inputs=notices
run() {
	local name=$1
	shift
	/usr/bin/time -v "$bin" --today 2025-10-10 -j "$jobs" -f json -o "$name.json" "$@" $inputs \
		2>"$name.time" || [ $? -eq 1 ]
	printf '%-28s wall %7.2f s  cpu %7.2f s  %7.1f MB\n' "$name" \
		"$(awk -F': ' '/Elapsed/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$name.time")" \
		"$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$name.time")" \
		"$(awk -F': ' '/Maximum resident/ {print $2 / 1024}' "$name.time")"
}
rm -rf cache
run plain-lint --no-cache
run corpus-no-cache --no-cache --corpus notices
run cold --cache-dir cache --corpus notices
run warm --cache-dir cache --corpus notices
cp notices/00001.txt 00001.orig
sed -i '7s/$/另行核查资金拨付记录一遍。/' notices/00001.txt
run one-change --cache-dir cache --corpus notices
run one-change-no-cache --no-cache --corpus notices
cmp -s one-change.json one-change-no-cache.json &&
	echo "the one-change report is the one a run without the cache gives" ||
	echo "ONE-CHANGE REPORT DIFFERS"
# The corpus pass alone: the whole corpus compared, one notice linted.
inputs=notices/00002.txt
mv 00001.orig notices/00001.txt
run corpus-pass-one-change --cache-dir cache --corpus notices
run corpus-pass-warm --cache-dir cache --corpus notices
inputs=notices
run warm-cache-only --cache-dir cache
printf 'corpus.db %s bytes, results.db %s bytes\n' "$(stat -c %s cache/corpus.db)" "$(stat -c %s cache/results.db)"
cmp -s corpus-no-cache.json cold.json && cmp -s cold.json warm.json &&
	echo "cold, warm and --no-cache reports are identical" || echo "REPORTS DIFFER"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$src/bench/corpus_eval.py" planted.tsv cold.json
