#!/usr/bin/env bash
# Builds the libFuzzer harnesses with clang (fuzzer + AddressSanitizer + UBSan) in
# build-fuzz and runs each for DURATION seconds on a seed corpus drawn from the fixtures.
# Crashes are left as build-fuzz/crash-* files; the exit status is 1 if any harness failed.
# Usage: fuzz/run.sh [--max-len BYTES] [--runs N] [--out DIR] [DURATION [HARNESS...]]
#   DURATION defaults to 60 s; HARNESS is model, rules, lint, regex, mscan, docx or html
#   (default: all seven);
#   --max-len caps the input size (default 65536; small inputs run many times faster);
#   --runs stops each harness after N executions (DURATION still caps the time);
#   --out builds and keeps corpora in DIR instead of build-fuzz.
set -uo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
maxlen=65536
runs=-1
out=$src/build-fuzz
while [ $# -gt 0 ]; do
	case $1 in
	--max-len) maxlen=$2; shift 2 ;;
	--runs) runs=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	*) break ;;
	esac
done
secs=${1:-60}
[ $# -gt 0 ] && shift
harnesses=${*:-model rules lint regex mscan docx html}
command -v clang >/dev/null || { echo "fuzz: clang is needed (apt-get install clang)" >&2; exit 2; }
cmake -S "$src" -B "$out" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	-DNL_FUZZ=ON -DNL_TESTS=OFF >/dev/null || exit 2
cmake --build "$out" -j"$(nproc)" --target fuzz_model fuzz_rules fuzz_lint fuzz_regex \
	fuzz_mscan fuzz_docx fuzz_html >/dev/null || exit 2

# Seed corpora: notices and encoding fixtures for the text harnesses, packs for the loader.
for h in model lint rules regex mscan docx html; do
	mkdir -p "$out/corpus/$h"
done
cp "$src"/fixtures/seeds/*.txt "$src"/fixtures/input/*.txt "$out/corpus/model/"
cp "$src"/fixtures/seeds/*.txt "$src"/fixtures/input/*.txt "$src"/fixtures/fuzz/lint-* \
	"$out/corpus/lint/"
cp "$src"/fixtures/rulepacks/*.yml "$src"/fixtures/formats/pack.yml "$out/corpus/rules/"
for f in "$src"/rules/*.yml; do
	cp "$f" "$out/corpus/rules/default-$(basename "$f")"
done
# The format readers start from the format fixtures.
cp "$src"/fixtures/docx/*.docx "$out/corpus/docx/"
cp "$src"/fixtures/html/*.html "$out/corpus/html/"
# The regex harness reads "PATTERN\nSUBJECT": each default pattern over a piece of a seed,
# and the inputs it once failed on.
cp "$src"/fixtures/fuzz/regex-* "$out/corpus/regex/"
k=0
sed -n 's/^ *\(pattern\|unless\): "\(.*\)"$/\2/p' "$src"/rules/*.yml | sed 's/\\\\/\\/g' |
	while IFS= read -r pat; do
		k=$((k + 1))
		{ printf '%s\n' "$pat"; head -c 3000 "$src/fixtures/seeds/00$((k % 5))_"*.txt; } \
			>"$out/corpus/regex/default-$k"
	done
# The prefilter harness starts from the same pattern-and-subject inputs, and from grammar
# inputs (a 0x01 byte, then choices) made of the seeds' bytes.
cp "$out"/corpus/regex/* "$out/corpus/mscan/"
for f in "$src"/fixtures/seeds/*.txt; do
	{ printf '\001'; head -c 400 "$f"; } >"$out/corpus/mscan/grammar-$(basename "$f")"
done

fail=0
for h in $harnesses; do
	echo "== fuzz_$h, $secs s, inputs up to $maxlen bytes"
	(cd "$out" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		./fuzz_"$h" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len="$maxlen" -runs="$runs" \
		-print_final_stats=1 "corpus/$h" 2>"fuzz_$h.log")
	rc=$?
	grep -E "^stat::number_of_executed_units|^stat::peak_rss|^#[0-9]+ +DONE|^(==[0-9]+==)?ERROR|^SUMMARY" "$out/fuzz_$h.log"
	if [ "$rc" -ne 0 ]; then
		echo "fuzz_$h: FAILED (exit $rc), see $out/fuzz_$h.log"
		fail=1
	fi
done
exit "$fail"
