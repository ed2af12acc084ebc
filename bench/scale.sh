#!/usr/bin/env bash
# Scaling benchmark: time against file size (1×, 10×, 100×: 100 KB, 1 MB, 10 MB), problem
# items (2,000, 20,000, 200,000) and findings (1,000, 10,000, 100,000, uncapped), with the
# growth ratio per 10× of input: (time ratio) / 10, met when ≤ 1.1. Each time is the median
# of --runs runs less the time of a run on an empty file (process start and pack load), so
# the ratio is that of the work that grows with the input; the raw times are printed too.
# Findings are timed with a build whose per-file cap is lifted (build-perf-uncapped,
# configured here with -DNL_MAX_DIAGS_PER_FILE=1000000000u); sizes and items with BIN.
# Usage: bench/scale.sh [--runs N] [path/to/noticelint]
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
runs=3
bin=$src/build-perf/noticelint
while [ $# -gt 0 ]; do
	case $1 in
	--runs) runs=$2; shift 2 ;;
	*) bin=$1; shift ;;
	esac
done
[ -x "$bin" ] || { echo "no binary at $bin" >&2; exit 2; }
corpus=$src/build-bench/corpus
[ -f "$corpus/size/10m.txt" ] || python3 "$src/bench/gen_corpus.py" --out "$corpus"
[ -f "$corpus/scale/items-200000.txt" ] || python3 "$src/bench/gen_corpus.py" --out "$corpus" --scale
unc=$src/build-perf-uncapped
if [ ! -x "$unc/noticelint" ]; then
	cmake -S "$src" -B "$unc" -DCMAKE_BUILD_TYPE=Release -DNL_TESTS=OFF \
		-DCMAKE_C_FLAGS=-DNL_MAX_DIAGS_PER_FILE=1000000000u >/dev/null
	cmake --build "$unc" -j2 >/dev/null
fi
export NOTICELINT_RULES=$src/rules
empty=$(mktemp "${TMPDIR:-/tmp}/nl-scale.XXXXXX.txt")
trap 'rm -f "$empty"' EXIT
printf '关于巡察整改进展情况的通报\n' >"$empty"

# median B FILE: median wall seconds of $runs runs of B on FILE (json, fixed today).
median() {
	local i t0 t1 ts=()
	for ((i = 0; i < runs; i++)); do
		t0=$(date +%s%N)
		"$1" --format json --today 2025-12-31 "$2" >/dev/null 2>&1 || [ $? -le 1 ]
		t1=$(date +%s%N)
		ts+=($(((t1 - t0) / 1000)))
	done
	printf '%s\n' "${ts[@]}" | sort -n | awk '{ v[NR] = $1 } END { printf "%.4f\n", v[int((NR + 1) / 2)] / 1e6 }'
}

# series LABEL B FILE...: times B on each file (10× steps) and prints the growth ratios.
series() {
	local label=$1 b=$2 base prev="" f t w ratio verdict
	shift 2
	base=$(median "$b" "$empty")
	echo "== $label (empty-file run $(awk -v v="$base" 'BEGIN { printf "%.1f", v * 1000 }') ms subtracted)"
	for f in "$@"; do
		t=$(median "$b" "$f")
		w=$(awk -v t="$t" -v b="$base" 'BEGIN { w = t - b; if (w < 0.0001) w = 0.0001; printf "%.4f", w }')
		if [ -n "$prev" ]; then
			ratio=$(awk -v a="$w" -v p="$prev" 'BEGIN { printf "%.2f", a / p / 10 }')
			verdict=$(awk -v r="$ratio" 'BEGIN { print (r <= 1.1) ? "met" : "missed" }')
			printf '  %-22s %8.3f s (work %8.3f s)  growth per 10x: %sx  %s\n' "$(basename "$f")" "$t" "$w" "$ratio" "$verdict"
		else
			printf '  %-22s %8.3f s (work %8.3f s)\n' "$(basename "$f")" "$t" "$w"
		fi
		prev=$w
	done
}

echo "noticelint $("$bin" --version | head -1); $runs runs each; $(uptime | sed 's/.*load/load/')"
series "file size 100 KB / 1 MB / 10 MB" "$bin" "$corpus/size/100k.txt" "$corpus/size/1m.txt" \
	"$corpus/size/10m.txt"
series "problem items 2,000 / 20,000 / 200,000" "$bin" "$corpus/scale/items-2000.txt" \
	"$corpus/scale/items-20000.txt" "$corpus/scale/items-200000.txt"
series "findings 1,000 / 10,000 / 100,000 (cap lifted)" "$unc/noticelint" \
	"$corpus/scale/findings-1000.txt" "$corpus/scale/findings-10000.txt" \
	"$corpus/scale/findings-100000.txt"
