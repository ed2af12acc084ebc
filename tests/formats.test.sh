#!/usr/bin/env bash
# Golden tests of the jsonl, github and sarif formats: two seed notices, a file with invalid
# UTF-8 and a missing file linted in one run with the fixed pack fixtures/formats/pack.yml
# (so the goldens follow the formats, not the default rules), compared byte for byte with
# fixtures/formats/seeds.expected.FORMAT; plus GitHub workflow-command escaping of a path
# holding ',' and ':', --quiet (text formats silent, sarif whole), and JSON validity of every jsonl line.
# Usage: formats.test.sh path/to/noticelint source-dir [--update]
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
update=${3:-}
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-formats.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
unset NO_COLOR
cd "$src" || exit 1
bad() { echo "formats: FAIL: $*"; fail=1; }
lint() { "$bin" --today 2026-11-23 --no-default-rules --rules fixtures/formats/pack.yml "$@"; }
inputs=(fixtures/seeds/000_2800b427cfbef2a5.txt fixtures/seeds/002_4720707dcb0128ec.txt
	fixtures/input/invalid-utf8.txt fixtures/formats/no-such-notice.txt)

for fmt in jsonl github sarif; do
	want=fixtures/formats/seeds.expected.$fmt
	lint --format "$fmt" "${inputs[@]}" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	{ echo "# exit: $rc"; cat "$tmp/out"; } >"$tmp/got"
	if [ "$update" = --update ]; then
		cp "$tmp/got" "$want"
		echo "formats: wrote $want"
		continue
	fi
	diff -u "$want" "$tmp/got" || bad "--format $fmt differs from $want"
	[ -s "$tmp/err" ] && bad "--format $fmt wrote to stderr: $(head -c 300 "$tmp/err")"
done
[ "$update" = --update ] && exit 0

# The goldens say what they must: exit 2 for the missing file, every level present.
head -1 fixtures/formats/seeds.expected.jsonl | grep -qx '# exit: 2' || bad "golden exit is not 2"
for lv in error warning info; do
	grep -q "\"level\":\"$lv\"" fixtures/formats/seeds.expected.jsonl || bad "no $lv in jsonl"
done
grep -q '"error":"input-missing"' fixtures/formats/seeds.expected.jsonl ||
	bad "jsonl lacks the input-missing line"

# Every jsonl line is one JSON object with the documented keys in order.
lint --format jsonl "${inputs[@]}" 2>/dev/null | python3 -c '
import json, sys
diag = ["path", "rule", "level", "message", "line", "column", "end_line", "end_column"]
err = ["path", "error", "message"]
for n, line in enumerate(sys.stdin, 1):
    keys = list(json.loads(line).keys())
    if keys not in (diag, err):
        sys.exit("line %d has keys %s" % (n, keys))
' || bad "jsonl lines are not the documented objects"

# Workflow-command escaping: % in data, and , : in the file property; info is ::notice.
cp fixtures/seeds/001_b21dc3fc7ee4c764.txt "$tmp/a,b:c.txt"
lint --format github "$tmp/a,b:c.txt" >"$tmp/gh" 2>&1
grep -q '^::error file=[^,]*a%2Cb%3Ac\.txt,line=[0-9]*,col=[0-9]*,endLine=[0-9]*,endColumn=[0-9]*,title=FMT-001::百分数“92%25”：' "$tmp/gh" ||
	bad "github annotation not escaped: $(grep -m1 '^::error' "$tmp/gh")"
grep -q "^$tmp/a,b:c.txt:[0-9]*:[0-9]*: error: 百分数“92%”" "$tmp/gh" ||
	bad "github format lacks the plain lines after the annotations"
printf '联系电话：0812-3866910。\n' >"$tmp/clean.txt"
lint --format github "$tmp/clean.txt" | grep -q '^::' && bad "clean file annotated"
printf '巡察情况通报\n' >"$tmp/info.txt"
lint --format github "$tmp/info.txt" | grep -q '^::notice file=.*title=FMT-003::' ||
	bad "info is not ::notice"

# --quiet on a clean file: no text from github (nor from jsonl, which has no finding to
# write); sarif still writes its whole document, with no result.
for fmt in jsonl github; do
	out=$(lint --quiet --format "$fmt" "$tmp/clean.txt")
	[ -z "$out" ] || bad "--quiet --format $fmt printed: $out"
done
lint --quiet --format sarif "$tmp/clean.txt" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["runs"][0]["results"] == []' || bad "--quiet --format sarif: no complete SARIF document"

if [ $fail -ne 0 ]; then
	echo "formats: FAILED (rerun with --update as the third argument after reviewing)"
	exit 1
fi
echo "formats: jsonl, github and sarif match their goldens"
