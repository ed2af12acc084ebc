#!/usr/bin/env bash
# Measures noticelint on the generated corpus: single-notice latency, corpus throughput
# (--jobs 1 and 2), peak RSS, time against file size and item count, and the cat and
# pcre2grep floors; prints each figure as median (min–max) over repeated runs.
# Usage: bench/run.sh [--runs N] [--compare] [--compare-runs N] [path/to/noticelint]
#   --compare  also times AutoCorrect, zhlint, textlint and markdownlint-cli2, installed
#              from npm into a scratch folder (build-bench/npm), never into the project;
#              their corpus runs are repeated --compare-runs times (default 1: textlint
#              takes minutes), their one-notice runs --runs times.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
runs=5
cruns=1
compare=0
bin=$src/build-perf/noticelint
while [ $# -gt 0 ]; do
	case $1 in
	--runs) runs=$2; shift 2 ;;
	--compare) compare=1; shift ;;
	--compare-runs) cruns=$2; shift 2 ;;
	*) bin=$1; shift ;;
	esac
done
bin=$(cd "$(dirname "$bin")" 2>/dev/null && pwd)/$(basename "$bin")
[ -x "$bin" ] || { echo "no binary at $bin (build: cmake -S . -B build-perf -DCMAKE_BUILD_TYPE=Release)" >&2; exit 2; }
"$src/tools/deps.sh" --bench
corpus=$src/build-bench/corpus
[ -d "$corpus/notices" ] || python3 "$src/bench/gen_corpus.py" --out "$corpus"
export NOTICELINT_RULES=$src/rules
seed=$src/fixtures/seeds/004_6abf08291da1f359.txt
mb=$(du -sb "$corpus/notices" | awk '{printf "%.1f", $1 / 1e6}')
lint=("$bin" --format json --today 2025-12-31)

# timed CMD...: runs CMD $runs times (output discarded) and prints "median min max" seconds.
timed() {
	local i t0 t1 ts=()
	for ((i = 0; i < runs; i++)); do
		t0=$(date +%s%N)
		"$@" >/dev/null 2>&1 || [ $? -le 1 ]
		t1=$(date +%s%N)
		ts+=($(((t1 - t0) / 1000)))
	done
	printf '%s\n' "${ts[@]}" | sort -n | awk '{ v[NR] = $1 } END {
		m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		printf "%.4f %.4f %.4f\n", m / 1e6, v[1] / 1e6, v[NR] / 1e6 }'
}

# show LABEL "median min max" [MB]: prints a row, with MB/s when MB is given.
show() {
	local label=$1 m lo hi
	read -r m lo hi <<<"$2"
	if [ -n "${3:-}" ]; then
		printf '%-44s %9.3f s (%.3f–%.3f)  %7.1f MB/s\n' "$label" "$m" "$lo" "$hi" \
			"$(awk -v a="$3" -v b="$m" 'BEGIN { print a / b }')"
	else
		printf '%-44s %9.2f ms (%.2f–%.2f)\n' "$label" "$(awk -v v="$m" 'BEGIN { print v * 1000 }')" \
			"$(awk -v v="$lo" 'BEGIN { print v * 1000 }')" "$(awk -v v="$hi" 'BEGIN { print v * 1000 }')"
	fi
}

# rss CMD...: peak resident set size in MB, from /usr/bin/time -v.
rss() {
	/usr/bin/time -v "$@" 2>&1 >/dev/null | awk '/Maximum resident set size/ { printf "%.1f", $6 / 1024 }'
}

echo "noticelint $("$bin" --version | head -1); $(nproc) CPUs; $runs runs each; corpus $mb MB"
echo "== latency (cold process, default pack)"
one=$(timed "${lint[@]}" "$seed")
show "one notice (seed 004, $(($(wc -c <"$seed") / 1024)) KB)" "$one"
show "empty run (--version)" "$(timed "$bin" --version)"
echo "== corpus throughput ($(ls "$corpus/notices" | wc -l) files)"
j1=$(timed "${lint[@]}" --jobs 1 "$corpus/notices")
show "noticelint --jobs 1" "$j1" "$mb"
show "noticelint --jobs 2" "$(timed "${lint[@]}" --jobs 2 "$corpus/notices")" "$mb"
catf=$(timed sh -c "cat \"$corpus\"/notices/*.txt")
show "floor: cat" "$catf" "$mb"
grepf=$(timed pcre2grep -r -c '[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日' "$corpus/notices")
show "floor: pcre2grep -c (one date pattern)" "$grepf" "$mb"
awk -v a="${j1%% *}" -v c="${catf%% *}" -v g="${grepf%% *}" \
	'BEGIN { printf "ratio noticelint/cat %.0fx, noticelint/pcre2grep %.1fx\n", a / c, a / g }'
echo "== peak RSS"
echo "one notice: $(rss "${lint[@]}" "$seed") MB; corpus --jobs 1: $(rss "${lint[@]}" "$corpus/notices") MB;" \
	"--jobs 2: $(rss "${lint[@]}" --jobs 2 "$corpus/notices") MB"
echo "corpus --format sarif: $(rss "$bin" --format sarif --today 2025-12-31 "$corpus/notices") MB;" \
	"--format human: $(rss "$bin" --color never --today 2025-12-31 "$corpus/notices") MB"
for n in 100 1000; do
	echo "first $n files: $(rss "${lint[@]}" $(ls -d "$corpus"/notices/*.txt | head -"$n")) MB"
done
echo "== time against file size and item count (peak RSS after each)"
for f in size/100k size/1m size/10m items/2000 items/20000; do
	sz=$(awk -v b="$(wc -c <"$corpus/$f.txt")" 'BEGIN { printf "%.2f", b / 1e6 }')
	show "$f ($sz MB)" "$(timed "${lint[@]}" "$corpus/$f.txt")" "$sz"
	echo "    peak RSS $(rss "${lint[@]}" "$corpus/$f.txt") MB"
done

[ "$compare" -eq 1 ] || exit 0
echo "== other tools (npm, scratch folder build-bench/npm; corpus runs: $cruns each)"
npmdir=$src/build-bench/npm
mkdir -p "$npmdir"
[ -x "$npmdir/node_modules/.bin/zhlint" ] || (cd "$npmdir" && { [ -f package.json ] || npm init -y >/dev/null; } &&
	npm install --no-audit --no-fund autocorrect-node zhlint textlint markdownlint-cli2 \
		@textlint-rule/textlint-rule-no-unmatched-pair \
		@textlint-rule/textlint-rule-no-invalid-control-character >/dev/null)
# textlint does nothing without rules: the two of its rules that apply to Chinese plain text.
printf '{"rules":{"@textlint-rule/no-unmatched-pair":true,"@textlint-rule/no-invalid-control-character":true}}\n' \
	>"$npmdir/.textlintrc.json"
nb=$npmdir/node_modules/.bin
tl=("$nb/textlint" --config "$npmdir/.textlintrc.json")
# The same files, copied outside the repository: AutoCorrect skips what .gitignore names
# (build-bench/ is ignored) and zhlint wants paths relative to the working directory.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/nl-bench.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
cp "$corpus"/notices/*.txt "$scratch/"
mkdir "$scratch/one" && cp "$seed" "$scratch/one/seed-004.txt"
cd "$scratch" || exit 1
j1s=${j1%% *}
# other LABEL CMD...: times CMD on the corpus $cruns times and prints it with its ratio.
other() {
	local label=$1 t
	shift
	t=$(runs=$cruns timed "$@")
	show "$label (corpus)" "$t" "$mb"
	awk -v o="${t%% *}" -v n="$j1s" 'BEGIN { printf "    %.1fx the time of noticelint --jobs 1\n", o / n }'
}
other "autocorrect --lint" "$nb/autocorrect" --lint .
other "markdownlint-cli2" "$nb/markdownlint-cli2" "*.txt"
other "zhlint" "$nb/zhlint" "*.txt"
other "textlint (2 rules)" "${tl[@]}" "*.txt"
cd "$scratch/one" || exit 1
for tool in autocorrect textlint zhlint markdownlint-cli2; do
	case $tool in
	autocorrect) t=$(timed "$nb/autocorrect" --lint seed-004.txt) ;;
	textlint) t=$(timed "${tl[@]}" seed-004.txt) ;;
	*) t=$(timed "$nb/$tool" seed-004.txt) ;;
	esac
	show "$tool (seed 004)" "$t"
	awk -v o="${t%% *}" -v n="${one%% *}" 'BEGIN { printf "    %.1fx the time of noticelint\n", o / n }'
done
