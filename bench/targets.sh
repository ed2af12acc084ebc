#!/usr/bin/env bash
# The speed targets, each printed as met or missed with its figure: one 53 KB notice cold
# (wall, and as a ratio to pcre2grep with 5 patterns on the same file, the two run
# alternately), corpus throughput --jobs 1 in json on the defect-heavy and on the clean
# corpus, --jobs 2 against --jobs 1, peak RSS for the corpus at --jobs 1 and 2 and per input
# byte for one 10 MB file. The load average is printed with the figures.
# The CPUs of a virtual machine need not be equally fast: each CPU's speed is measured first
# (a pinned --jobs 1 run on the clean corpus), the single-threaded figures are taken pinned
# to the fastest, and --jobs 2 is also shown against this machine's ceiling, the sum of the
# two fastest CPUs' speeds in units of the fastest.
# Usage: bench/targets.sh [--runs N] [path/to/noticelint]
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
runs=5
bin=$src/build-perf/noticelint
while [ $# -gt 0 ]; do
	case $1 in
	--runs) runs=$2; shift 2 ;;
	*) bin=$1; shift ;;
	esac
done
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
[ -x "$bin" ] || { echo "no binary at $bin" >&2; exit 2; }
"$src/tools/deps.sh" --bench
corpus=$src/build-bench/corpus
[ -d "$corpus/notices" ] || python3 "$src/bench/gen_corpus.py" --out "$corpus"
[ -d "$corpus/clean" ] || python3 "$src/bench/gen_corpus.py" --out "$corpus" --clean "$bin"
export NOTICELINT_RULES=$src/rules
seed=$src/fixtures/seeds/004_6abf08291da1f359.txt
lint=("$bin" --format json --today 2025-12-31)
# Five patterns of the kinds the rules use: a date, a phone number, a half-width comma after
# a Han character, a repeated punctuation mark, a heading number.
grep5=(pcre2grep -c -e '[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日' -e '0[0-9]{2,3}-[0-9]{7,8}'
	-e '\p{Han},' -e '([，。；])\1' -e '^[一二三四五六七八九十]+、')

# wall CMD...: one run's wall time in microseconds (output discarded).
wall() {
	local t0 t1
	t0=$(date +%s%N)
	"$@" >/dev/null 2>&1 || [ $? -le 1 ]
	t1=$(date +%s%N)
	echo $(((t1 - t0) / 1000))
}

# med: median of the numbers on standard input.
med() {
	sort -n | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# verdict OK: "met" or "missed".
verdict() {
	[ "$1" -eq 1 ] && echo met || echo missed
}

# rss CMD...: peak resident set size in KB (whatever CMD's exit status: 1 means findings).
rss() {
	{ /usr/bin/time -v "$@" 2>&1 >/dev/null || true; } | awk '/Maximum resident set size/ { print $6 }'
}

mb_of() {
	du -sb "$1" | awk '{ printf "%.1f", $1 / 1e6 }'
}

echo "noticelint $("$bin" --version | head -1); $(nproc) CPUs; $runs runs each"
echo "load before: $(uptime | sed 's/.*load/load/')"

# 0. Each CPU's speed: the median of pinned --jobs 1 runs on the clean corpus. pin holds
# the command prefix that puts a single-threaded run on the fastest CPU.
pin=()
ceiling=""
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
	: >"$src/build-bench/cpu.times"
	for c in $(taskset -pc $$ | sed 's/.*: //' | tr ',' '\n' |
		awk -F- '{ for (i = $1; i <= ($2 == "" ? $1 : $2); i++) print i }'); do
		: >"$src/build-bench/cpu$c.times"
		for ((i = 0; i < (runs < 3 ? runs : 3); i++)); do
			wall taskset -c "$c" "${lint[@]}" --jobs 1 "$corpus/clean" >>"$src/build-bench/cpu$c.times"
		done
		echo "$c $(med <"$src/build-bench/cpu$c.times")" >>"$src/build-bench/cpu.times"
	done
	fast=$(sort -k2 -n "$src/build-bench/cpu.times" | head -1)
	pin=(taskset -c "${fast%% *}")
	ceiling=$(sort -k2 -n "$src/build-bench/cpu.times" | head -2 |
		awk 'NR == 1 { f = $2 } { s += f / $2 } END { printf "%.2f", s }')
	echo "CPU speeds (clean corpus, --jobs 1, pinned): $(awk '{ printf "%sCPU %s %.2f s", (NR > 1 ? ", " : ""), $1, $2 / 1e6 }' "$src/build-bench/cpu.times");" \
		"single-threaded figures pinned to CPU ${fast%% *}; --jobs 2 ceiling on this machine ${ceiling}x"
fi

# 1. One notice cold, alternating with pcre2grep (21 pairs: more than --runs, the runs are short).
: >"$src/build-bench/nl.times"
: >"$src/build-bench/grep.times"
for ((i = 0; i < 21; i++)); do
	wall "${pin[@]}" "${lint[@]}" "$seed" >>"$src/build-bench/nl.times"
	wall "${pin[@]}" "${grep5[@]}" "$seed" >>"$src/build-bench/grep.times"
done
one=$(med <"$src/build-bench/nl.times")
g=$(med <"$src/build-bench/grep.times")
ok=$(awk -v a="$one" 'BEGIN { print (a <= 3000) ? 1 : 0 }')
printf 'one notice cold (seed 004, 53 KB): %.2f ms (target <= 3 ms): %s\n' \
	"$(awk -v v="$one" 'BEGIN { print v / 1000 }')" "$(verdict "$ok")"
ok=$(awk -v a="$one" -v b="$g" 'BEGIN { print (a <= 2.5 * b) ? 1 : 0 }')
printf '  pcre2grep, 5 patterns, same file: %.2f ms; ratio %.1fx (target <= 2.5x): %s\n' \
	"$(awk -v v="$g" 'BEGIN { print v / 1000 }')" "$(awk -v a="$one" -v b="$g" 'BEGIN { print a / b }')" \
	"$(verdict "$ok")"

# 2. Throughput, --jobs 1 and 2 alternating on each corpus.
for set in notices clean; do
	mb=$(mb_of "$corpus/$set")
	: >"$src/build-bench/j1.times"
	: >"$src/build-bench/j2.times"
	for ((i = 0; i < runs; i++)); do
		wall "${pin[@]}" "${lint[@]}" --jobs 1 "$corpus/$set" >>"$src/build-bench/j1.times"
		wall "${lint[@]}" --jobs 2 "$corpus/$set" >>"$src/build-bench/j2.times"
	done
	j1=$(med <"$src/build-bench/j1.times")
	j2=$(med <"$src/build-bench/j2.times")
	want=$([ "$set" = notices ] && echo 80 || echo 120)
	rate=$(awk -v m="$mb" -v t="$j1" 'BEGIN { printf "%.1f", m / (t / 1e6) }')
	ok=$(awk -v r="$rate" -v w="$want" 'BEGIN { print (r >= w) ? 1 : 0 }')
	echo "corpus $set ($mb MB, $(ls "$corpus/$set" | wc -l) files) --jobs 1: $(awk -v t="$j1" 'BEGIN { printf "%.3f", t / 1e6 }') s = $rate MB/s (target >= $want MB/s): $(verdict "$ok")"
	sc=$(awk -v a="$j1" -v b="$j2" 'BEGIN { printf "%.2f", a / b }')
	ok=$(awk -v s="$sc" 'BEGIN { print (s >= 1.8) ? 1 : 0 }')
	extra=""
	[ -z "$ceiling" ] || extra="; $(awk -v s="$sc" -v c="$ceiling" 'BEGIN { printf "%.0f", 100 * s / c }') % of this machine's ceiling ${ceiling}x"
	echo "  --jobs 2: $(awk -v t="$j2" 'BEGIN { printf "%.3f", t / 1e6 }') s, ${sc}x --jobs 1 (target >= 1.8x): $(verdict "$ok")$extra"
done

# 3. Peak RSS.
for j in 1 2; do
	r=$(rss "${lint[@]}" --jobs "$j" "$corpus/notices")
	ok=$(awk -v r="$r" 'BEGIN { print (r <= 32 * 1024) ? 1 : 0 }')
	printf 'peak RSS, corpus --jobs %s: %.1f MB (target <= 32 MB): %s\n' "$j" \
		"$(awk -v r="$r" 'BEGIN { print r / 1024 }')" "$(verdict "$ok")"
done
big=$corpus/size/10m.txt
r=$(rss "${lint[@]}" "$big")
bpb=$(awk -v r="$r" -v b="$(stat -c %s "$big")" 'BEGIN { printf "%.2f", r * 1024 / b }')
ok=$(awk -v x="$bpb" 'BEGIN { print (x <= 4) ? 1 : 0 }')
printf 'peak RSS, one 10 MB file: %.1f MB = %s bytes per input byte (target <= 4): %s\n' \
	"$(awk -v r="$r" 'BEGIN { print r / 1024 }')" "$bpb" "$(verdict "$ok")"
echo "load after: $(uptime | sed 's/.*load/load/')"
