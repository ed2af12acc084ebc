#!/usr/bin/env bash
# Command-line tests: exit codes, usage errors, every bad input kind (and the good file in
# the same run still linted), standard input, --check-rules, --explain, --list-rules,
# --disable, --level, --quiet, --version, --help, colour and NO_COLOR, pack discovery.
# Usage: cli.test.sh path/to/noticelint source-dir
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-cli.XXXXXX")
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
unset NO_COLOR
export NOTICELINT_RULES="$tmp/pack"

bad() { echo "cli: FAIL: $*"; fail=1; }

# run ARGS...: runs the binary, leaving stdout in $out, stderr in $err and status in $rc.
run() {
	"$bin" "$@" >"$tmp/stdout" 2>"$tmp/stderr"
	rc=$?
	out=$(cat "$tmp/stdout")
	err=$(cat "$tmp/stderr")
}

# expect CODE WHAT: checks the last run's exit status.
expect() {
	[ "$rc" -eq "$1" ] || bad "$2: exit $rc, expected $1 (stderr: $err)"
}

# has TEXT WHERE WHAT: checks that $WHERE (out or err) contains TEXT literally.
has() {
	local where=${!2}
	grep -qF -- "$1" <<<"$where" || bad "$3: no '$1' in std$2: ${where:0:600}"
}

# The test pack: one error rule and one warning rule on seed 001's contact sentence.
mkdir -p "$tmp/pack"
cat >"$tmp/pack/contact.yml" <<'EOF'
pack: cli-test
rules:
  - id: CLI-RUGUO
    check: existence
    level: error
    message:
      zh: "“{match}”应为“如有意见建议”"
      en: "'{match}' should be '如有意见建议'"
    description: The supervision sentence says 如有意见建议.
    source: common wording of the genre
    pattern: "如果意见建议"
    examples:
      flag: ["如果意见建议，请及时向我们反映。"]
      pass: ["如有意见建议，请及时向我们反映。"]
  - id: CLI-XUNSHI
    check: existence
    level: warning
    message:
      zh: "县级通报应写“巡察整改”，不是“{match}”"
      en: "a county notice says 巡察整改, not '{match}'"
    description: County and city committees run 巡察, not 巡视.
    source: 中国共产党巡视工作条例 第二条
    pattern: "巡视整改"
    examples:
      flag: ["欢迎广大干部群众对巡视整改落实情况进行监督。"]
      pass: ["欢迎广大干部群众对巡察整改落实情况进行监督。"]
EOF
sentence_ok='欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。'
printf '%s\n' "$sentence_ok" >"$tmp/clean.txt"
printf '%s\n' '欢迎广大干部群众对巡视整改落实情况进行监督。如有意见建议，请及时向我们反映。' \
	>"$tmp/warn.txt"
sed -n 149p "$src/fixtures/seeds/001_b21dc3fc7ee4c764.txt" >"$tmp/error.txt"
cd "$tmp" || exit 1

# Exit codes 0 and 1, and --fail-level.
run clean.txt
expect 0 "clean file"
has "0 个错误，0 个警告，0 条提示（共 1 个文件）" out "clean summary"
run error.txt
expect 1 "defective file"
has "error.txt:1:23: error: “如果意见建议”应为“如有意见建议” [CLI-RUGUO]" out "error line"
has "error.txt:1:10: warning:" out "warning line"

# --timing: the same report on stdout, a table of the model and the rules on stderr.
plain=$out
run --timing --lang en --jobs 2 error.txt clean.txt
expect 1 "--timing"
run --timing error.txt
[ "$out" = "$plain" ] || bad "--timing changed the report"
has "(文档模型)" err "--timing in Chinese"
run --timing --lang en error.txt
has "(model)" err "--timing model row"
has "CLI-RUGUO " err "--timing rule row"
has "(total)" err "--timing total row"
[ "$(grep -c '%$' <<<"$err")" -ge 3 ] || bad "--timing rows: $err"
run error.txt
[ -z "$err" ] || bad "stderr without --timing: $err"
run warn.txt
expect 0 "warning only, default fail level"
run --fail-level warning warn.txt
expect 1 "warning only, --fail-level warning"
run --fail-level info clean.txt
expect 0 "clean, --fail-level info"
run --level CLI-XUNSHI=error warn.txt
expect 1 "--level raises the warning"
run --disable CLI-RUGUO error.txt
expect 0 "--disable drops the error"

# Usage errors: stderr, "noticelint: " prefix, exit 2, nothing on stdout.
usage() {
	local what=$1 text=$2
	shift 2
	run "$@"
	expect 2 "$what"
	has "noticelint: $text" err "$what"
	[ -z "$out" ] || bad "$what: printed on stdout: $out"
}
usage "unknown option" "unknown option: --bogus" --lang en --bogus clean.txt
usage "unknown short option" "unknown option: -z" --lang en -z clean.txt
usage "unknown option, zh" "未知选项：--bogus" --bogus clean.txt
usage "missing argument" "option --format needs an argument" --lang en clean.txt --format
usage "argument to a flag" "option --quiet takes no argument" --lang en --quiet=yes clean.txt
usage "bad --format" "invalid value 'xml' for --format; expected: human, json" \
	--lang en --format xml clean.txt
usage "bad --lang" "invalid value 'fr' for --lang" --lang en --lang fr clean.txt
usage "bad --color" "invalid value 'sometimes' for --color" --lang en --color sometimes clean.txt
usage "bad --fail-level" "invalid value 'fatal' for --fail-level" \
	--lang en --fail-level fatal clean.txt
usage "bad --level" "invalid value 'CLI-RUGUO' for --level" --lang en --level CLI-RUGUO clean.txt
usage "not a real date" "invalid date '2026-02-29' for --today" --lang en --today 2026-02-29 clean.txt
usage "month 13" "invalid date '2026-13-01'" --lang en --today 2026-13-01 clean.txt
usage "date form" "invalid date '2026-1-5'" --lang en --today 2026-1-5 clean.txt
usage "no path" "no PATH to lint" --lang en
usage "two actions" "--list-rules and --explain cannot be used together" \
	--lang en --list-rules --explain CLI-RUGUO
usage "path with --list-rules" "--list-rules takes no PATH operand: clean.txt" \
	--lang en --list-rules clean.txt
usage "--no-default-rules alone" "--no-default-rules needs at least one --rules pack" \
	--lang en --no-default-rules clean.txt
usage "--disable unknown id" "unknown rule id 'NO-SUCH-RULE'" \
	--lang en --disable NO-SUCH-RULE clean.txt
usage "--level unknown id" "unknown rule id 'NO-SUCH-RULE'" \
	--lang en --level NO-SUCH-RULE=info clean.txt
usage "--explain unknown id" "unknown rule id 'NO-SUCH-RULE'" --lang en --explain NO-SUCH-RULE
run --today 2024-02-29 clean.txt
expect 0 "leap day is a real date"

# Bad inputs: each is reported with its id, the good file is still linted, exit 2.
mkdir empty-dir
mkfifo fifo.txt
printf 'x' >big.txt
truncate -s 33554433 big.txt
cp "$src/fixtures/input/empty.txt" "$src/fixtures/input/nul-byte.txt" .
run --format json error.txt missing.txt empty.txt nul-byte.txt big.txt fifo.txt /dev/null \
	empty-dir
expect 2 "bad inputs"
[ -z "$err" ] || bad "bad inputs: input errors belong in the report, not stderr: $err"
for id in input-missing input-binary input-too-large input-not-regular input-no-notices; do
	has "\"id\":	\"$id\"" out "bad inputs: $id"
done
has '"rule":	"input-empty"' out "bad inputs: an empty file is the input-empty finding"
has '"rule":	"CLI-RUGUO"' out "bad inputs: good file still linted"
has '"path":	"empty-dir"' out "bad inputs: directory reported by its path"
run --lang en --format json nul-byte.txt
has 'nul-byte.txt holds a NUL byte at byte offset 18: not a text notice' out "NUL offset"
run --lang en big.txt
expect 2 "too large, human"
has "big.txt: error: big.txt is larger than the 33554432-byte cap (33554433 bytes) [input-too-large]" \
	out "too large, human line"
has "0 errors, 0 warnings, 0 infos in 1 files (1 could not be checked)" out "failed summary"
run --format json "$src/fixtures/input/invalid-utf8.txt"
expect 1 "invalid UTF-8 is a diagnostic, not an input failure"
has '"rule":	"input-invalid-utf8"' out "invalid UTF-8 id"
if [ "$(id -u)" -ne 0 ]; then
	cp clean.txt locked.txt && chmod 000 locked.txt
	run --format json locked.txt clean.txt
	expect 2 "unreadable file"
	has '"id":	"input-unreadable"' out "unreadable id"
fi

# The per-file diagnostics cap: the rest are counted in one last warning.
for i in $(seq 5010); do echo '如果意见建议'; done >flood.txt
run --lang en --format json flood.txt
expect 1 "diagnostics cap"
has '"rule":	"diag-truncated"' out "diagnostics cap note"
has "too many diagnostics in this file; " out "diagnostics cap message"

# Inputs are never modified.
sum_before=$(cksum <error.txt)
run error.txt
[ "$(cksum <error.txt)" = "$sum_before" ] || bad "input file changed"

# Directory walk: sorted, hidden directories skipped, paths relative to the operand.
mkdir -p tree/b tree/.git
cp clean.txt tree/z.txt
cp error.txt tree/b/c.md
cp error.txt tree/.git/x.txt
cp clean.txt tree/a.txt
run --format json tree/
expect 1 "walk"
paths=$(grep -F '"path":' <<<"$out" | tr -d '\t",' | sed 's/^path://')
[ "$paths" = $'tree/a.txt\ntree/b/c.md\ntree/z.txt' ] || bad "walk order: $paths"

# Standard input.
run - <error.txt
expect 1 "stdin"
has "<stdin>:1:23: error:" out "stdin path"
run --format json - <clean.txt
expect 0 "stdin clean"
has '"path":	"<stdin>"' out "stdin JSON path"

# --quiet.
run --quiet clean.txt
expect 0 "quiet clean"
[ -z "$out" ] || bad "--quiet printed for a clean file: $out"
run --quiet --format json clean.txt
has '"summary":' out "--quiet --format json writes the whole document on a clean file"
run --quiet error.txt
expect 1 "quiet with findings"
has "[CLI-RUGUO]" out "quiet still shows diagnostics"

# --check-rules.
run --check-rules --lang en
expect 0 "--check-rules on a good pack"
has "all 4 examples of 2 rules pass" out "--check-rules summary"
mkdir -p badpack
sed 's/pattern: "如果意见建议"/pattern: "如果意见和建议"/' pack/contact.yml >badpack/contact.yml
NOTICELINT_RULES=$tmp/badpack run --check-rules --lang en
expect 2 "--check-rules with a silent flag example"
has "[rule-example-silent]" out "--check-rules failure id"
has "contact.yml:" out "--check-rules failure position"

# --explain and --list-rules.
run --explain CLI-XUNSHI
expect 0 "--explain"
has "CLI-XUNSHI" out "--explain id"
has "依据：中国共产党巡视工作条例 第二条" out "--explain source, zh labels"
has "欢迎广大干部群众对巡察整改落实情况进行监督。" out "--explain pass example"
run --explain CLI-XUNSHI --lang en --level CLI-XUNSHI=info
has "level: info (level in the pack: warning)" out "--explain shows the override"
run --list-rules --lang en --disable CLI-RUGUO
expect 0 "--list-rules"
has "CLI-RUGUO" out "--list-rules id"
grep -qE '^CLI-RUGUO +off +existence +document +The supervision sentence' <<<"$out" ||
	bad "--list-rules row: $out"
grep -qE '^CLI-XUNSHI +warning +existence' <<<"$out" || bad "--list-rules level: $out"

# Packs: --rules adds one, a broken one stops the run with file:line:col, none found.
cp "$src/fixtures/rulepacks/good.yml" extra.yml
run --rules extra.yml --list-rules
expect 0 "--rules FILE"
has "T-SUBST" out "--rules FILE adds its rules"
run --no-default-rules --rules extra.yml --list-rules
grep -q CLI-RUGUO <<<"$out" && bad "--no-default-rules still loaded the default pack"
run --rules "$src/fixtures/rulepacks/bad-level.yml" clean.txt
expect 2 "broken pack"
grep -qE 'bad-level\.yml:[0-9]+:[0-9]+: error: .*\[rule-bad-level\]' <<<"$err" ||
	bad "broken pack message: $err"
run --lang en --rules "$src/fixtures/rulepacks/bad-lexicon.yml" clean.txt
expect 2 "broken lexicon"
grep -qE 'bad-lexicon\.yml:14:[0-9]+: error: .*entry A2: the flag example draws no match.*\[rule-bad-value\]' <<<"$err" ||
	bad "broken lexicon message: $err"
NOTICELINT_RULES=$tmp/no-such-dir run --lang en clean.txt
expect 2 "no default pack"
has "noticelint: default rule pack not found (looked in: $tmp/no-such-dir)" err "rule-no-pack"

# --version and --help.
run --version
expect 0 "--version"
[[ "$out" =~ ^noticelint\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || bad "--version: $out"
run --help --lang en
expect 0 "--help"
for o in rules no-default-rules format lang color list-rules explain check-rules disable \
	level fail-level quiet today version help; do
	has "--$o" out "--help lists --$o"
done
has "Exit status:" out "--help exit codes"

# Colour: never when piped, always on request, on a terminal unless NO_COLOR is set.
esc=$'\033['
run error.txt
[[ "$out" == *"$esc"* ]] && bad "colour on a pipe"
run --color always error.txt
[[ "$out" == *"$esc"* ]] || bad "--color always gave no colour"
NO_COLOR=1 run --color never error.txt
[[ "$out" == *"$esc"* ]] && bad "--color never gave colour"
if command -v script >/dev/null 2>&1; then
	tty_out=$(script -qec "'$bin' error.txt" /dev/null 2>&1)
	[[ "$tty_out" == *"$esc"* ]] || bad "no colour on a terminal"
	tty_out=$(NO_COLOR=1 script -qec "'$bin' error.txt" /dev/null 2>&1)
	[[ "$tty_out" == *"$esc"* ]] && bad "NO_COLOR ignored on a terminal"
fi

if [ $fail -ne 0 ]; then
	echo "cli: FAILED"
	exit 1
fi
echo "cli: all command-line tests passed"
