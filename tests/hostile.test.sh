#!/usr/bin/env bash
# Hostile inputs: oversized and pathological files, hostile rule packs, a catastrophic
# pattern, symlink loops, FIFOs, vanished paths, unwritable output and closed standard
# streams; hostile output targets (a symlink, a device, a FIFO, a directory, one of the
# inputs), a reader that leaves early, --quiet with machine formats, and the findings cap
# keeping the first findings by position; files with no text, and --encoding before the
# NUL check. Each must end quickly with its message id and exit code, and the good notice
# passed in the same run must still be linted.
# Usage: hostile.test.sh path/to/noticelint source-dir
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-hostile.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export NOTICELINT_RULES="$src/rules"
good="$tmp/good.txt"
cp "$src/fixtures/seeds/001_b21dc3fc7ee4c764.txt" "$good"
cd "$tmp" || exit 1

bad() { echo "hostile: FAIL: $*"; fail=1; }

# limit NAME: the value of a limits.h constant such as (32u * 1024u * 1024u), evaluated.
limit() {
	local expr
	expr=$(sed -n "s/^#define $1 (\{0,1\}\([0-9u *]*\))\{0,1\}$/\1/p" "$src/lint/limits.h")
	echo $((${expr//u/}))
}

# run SECONDS ARGS...: runs the binary with JSON output under a time limit; leaves the
# report in out.json, stderr in $err and the exit status in $rc (124 means it hung).
run() {
	local secs=$1
	shift
	timeout "$secs" "$bin" --lang en --format json "$@" >out.json 2>err.txt
	rc=$?
	err=$(cat err.txt)
	[ "$rc" -ne 124 ] || bad "$*: did not finish within $secs s"
}

# expect CODE WHAT: checks the last run's exit status.
expect() {
	[ "$rc" -eq "$1" ] || bad "$2: exit $rc, expected $1 (stderr: ${err:0:300})"
}

# ids PATH: the sorted distinct rule and error ids reported for PATH in out.json, one line,
# prefixed by the diagnostic count; "absent" when PATH is not in the report.
ids() {
	python3 - "$1" <<'EOF' 2>/dev/null || echo "invalid-json"
import json, sys
d = json.load(open("out.json"))
for f in d["files"]:
    if f["path"] == sys.argv[1]:
        diags = f.get("diagnostics", [])
        names = sorted({x["rule"] for x in diags} | {e["id"] for e in f.get("errors", [])})
        print(len(diags), " ".join(names))
        break
else:
    print("absent")
EOF
}

# has PATH ID WHAT: checks that the report lists ID for PATH.
has() {
	local got
	got=$(ids "$1")
	[[ " $got " == *" $2 "* ]] || bad "$3: no $2 for $1 (got: $got)"
}

# linted WHAT: checks that the good notice in the same run got its usual findings.
linted() {
	has "$good" PUN-001 "$1 (good notice)"
	has "$good" DATE-003 "$1 (good notice)"
}

# 1. A sparse file one byte over the size cap is refused before it is read.
cap=$(limit NL_MAX_FILE_BYTES)
[ "$cap" -gt 0 ] || bad "cannot read NL_MAX_FILE_BYTES from lint/limits.h"
truncate -s $((cap + 1)) huge.txt
run 20 huge.txt "$good"
expect 2 "file over the cap"
has huge.txt input-too-large "file over the cap"
linted "file over the cap"

# 2. A 1 MB notice on a single line: bounded diagnostics, no error, ends in time.
maxd=$(limit NL_MAX_DIAGS_PER_FILE)
python3 -c 'import sys; sys.stdout.write("经查，2023年5月10日召开专题会议，完成整改任务15项，" * 14000 + "\n")' >line.txt
[ "$(wc -c <line.txt)" -ge 1000000 ] || bad "single line fixture is under 1 MB"
run 20 line.txt "$good"
expect 1 "1 MB single line"
n=$(ids line.txt)
n=${n%% *}
{ [ "$n" != absent ] && [ "$n" != invalid-json ] && [ "$n" -le $((maxd + 1)) ]; } ||
	bad "1 MB single line: diagnostics '$n', expected at most $((maxd + 1))"
linted "1 MB single line"

# 3. 100,000 headings: the per-file diagnostic cap holds and says what it dropped.
python3 -c '
import sys
cn = "一二三四五六七八九十"
sys.stdout.write("中共某县委巡察整改进展情况的通报\n" + "".join(
    "%s、第%d项整改任务\n" % (cn[i % 10], i) for i in range(100000)))' >heads.txt
run 20 heads.txt "$good"
expect 1 "100,000 headings"
has heads.txt diag-truncated "100,000 headings"
n=$(ids heads.txt)
[ "${n%% *}" -le $((maxd + 1)) ] 2>/dev/null || bad "100,000 headings: ${n%% *} diagnostics"
linted "100,000 headings"

# 4. Rule packs: an alias bomb and nesting past the depth limit, in flow and block style.
#    A broken pack stops the run before any notice is linted, with exit 2.
mkdir packs
{
	echo 'a: &a ["x","x","x","x","x","x","x","x","x"]'
	prev=a
	for k in b c d e f g h i; do
		echo "$k: &$k [*$prev,*$prev,*$prev,*$prev,*$prev,*$prev,*$prev,*$prev,*$prev]"
		prev=$k
	done
	echo "rules: *i"
} >packs/bomb.yml
python3 -c 'print("rules: " + "[" * 100000 + "]" * 100000)' >packs/flow-deep.yml
python3 -c 'print("rules:" + "".join("\n" + "  " * i + "k%d:" % i for i in range(1, 60)) + " x")' \
	>packs/block-deep.yml
for p in bomb:rule-alias flow-deep:rule-too-deep block-deep:rule-too-deep; do
	run 20 --rules "packs/${p%%:*}.yml" "$good"
	expect 2 "pack ${p%%:*}"
	grep -qF "[${p#*:}]" err.txt || bad "pack ${p%%:*}: no [${p#*:}] in stderr: ${err:0:300}"
	[ ! -s out.json ] || bad "pack ${p%%:*}: a report was written despite the broken pack"
done

# 5. A catastrophic pattern on a long line of a's stops with rule-regex-limit, quickly.
cat >packs/backtrack.yml <<'EOF'
pack: hostile
rules:
  - id: HOST-001
    check: existence
    level: warning
    message: {zh: "回溯", en: "backtrack"}
    description: Nested quantifiers that backtrack exponentially on a long run of a's.
    source: hostile input tests
    pattern: "(a+)+$"
    examples:
      flag: ["aaa"]
      pass: ["bbb"]
EOF
python3 -c 'print("a" * 50000 + "!")' >aaa.txt
start=$SECONDS
run 20 --rules packs/backtrack.yml aaa.txt "$good"
expect 1 "catastrophic pattern"
has aaa.txt rule-regex-limit "catastrophic pattern"
linted "catastrophic pattern"
[ $((SECONDS - start)) -le 15 ] || bad "catastrophic pattern took $((SECONDS - start)) s"

# 6. A directory whose symlinks point back up the tree, and a symlink to itself.
mkdir -p loop/a
cp "$good" loop/a/n.txt
ln -s .. loop/a/up
ln -s ../a loop/a/self
ln -s selfloop selfloop
run 20 loop selfloop "$good"
expect 2 "symlink loops"
has loop/a/n.txt PUN-001 "symlink loop directory"
has selfloop input-unreadable "symlink to itself"
linted "symlink loops"
[ "$(grep -c '"path":' out.json)" -eq 3 ] || bad "symlink loop: expected 3 files in the report"

# 7. FIFOs, named directly and inside a directory, are refused without opening them.
mkfifo fifo.txt
mkdir fifodir
mkfifo fifodir/pipe.txt
run 10 fifo.txt fifodir "$good"
expect 2 "FIFO"
has fifo.txt input-not-regular "FIFO path"
has fifodir/pipe.txt input-not-regular "FIFO in a directory"
linted "FIFO"

# 8. A path that is gone by the time it is read: a dangling symlink stands in for it.
#    (A file deleted between the directory listing and the read cannot be timed
#    deterministically from outside the process, so that race is not exercised here.)
ln -s vanished.txt gone.txt
run 10 gone.txt "$good"
expect 2 "vanished file"
has gone.txt input-missing "vanished file"
linted "vanished file"

# 9. --output into a directory that does not exist: exit 2, nothing created.
run 10 --output nodir/sub/report.json "$good"
expect 2 "--output into a missing directory"
grep -qF "cannot write the output" err.txt || bad "--output: no output-write-failed message: $err"
[ ! -e nodir ] || bad "--output created nodir"

# 10. Standard streams: stdin closed or empty when read as '-' (empty is the input-empty
#     finding, as for a file), stdin closed while a
#     file is linted, and stdout closed.
run 10 - <&-
expect 2 "closed stdin"
has "<stdin>" input-unreadable "closed stdin"
run 10 - "$good" </dev/null
expect 1 "empty stdin (a finding, as for an empty file)"
has "<stdin>" input-empty "empty stdin"
linted "empty stdin"
run 10 "$good" <&-
expect 1 "file with stdin closed"
linted "file with stdin closed"
timeout 10 "$bin" --lang en "$good" >&- 2>err.txt
rc=$?
err=$(cat err.txt)
expect 2 "closed stdout"
grep -qF "cannot write the output" err.txt || bad "closed stdout: no output-write-failed message: $err"

# 11. --output through a symlink: the file it names gets the report with its mode kept,
#     the link stays a link. A dangling link is refused and nothing is created.
echo old >target.json
chmod 640 target.json
ln -s target.json link.json
run 10 --output link.json "$good"
expect 1 "--output through a symlink"
[ -L link.json ] || bad "--output replaced the symlink itself"
grep -q '"PUN-001"' target.json || bad "--output through a symlink: the target has no report"
[ "$(stat -c %a target.json)" = 640 ] || bad "--output lost the mode: $(stat -c %a target.json)"
ln -s missing.json dangling.json
run 10 --output dangling.json "$good"
expect 2 "--output onto a dangling symlink"
grep -qF "dangling.json is a symbolic link to a missing file" err.txt ||
	bad "dangling symlink: no output-dangling-link message: $err"
[ -e missing.json ] && bad "--output created the target of a dangling symlink"

# 12. --output onto a device is written in place, never replaced by a regular file; a
#     FIFO is written when someone reads it and refused when nobody does; a directory
#     is refused. The device is a node of our own (a null device, where mknod is allowed)
#     and standard output is reached through a link of our own to /proc/self/fd/1, so a
#     broken binary cannot replace the system's /dev/null or /dev/stdout.
if mknod null.dev c 1 3 2>/dev/null; then
	run 10 --output null.dev "$good"
	expect 1 "--output onto a character device"
	[ -c null.dev ] || bad "--output replaced the character device"
	[ ! -s out.json ] || bad "--output onto a device: the report went to stdout"
else
	echo "hostile: note: mknod not permitted, character device case skipped"
fi
ln -s /proc/self/fd/1 stdout.link
set -o pipefail
timeout 10 "$bin" --lang en --format json --output stdout.link "$good" 2>err.txt | cat >dev.json
rc=$?
set +o pipefail
err=$(cat err.txt)
expect 1 "--output onto standard output (a pipe)"
[ -L stdout.link ] || bad "--output replaced the link to standard output"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' dev.json 2>/dev/null ||
	bad "--output onto standard output: the pipe got no JSON report"
mkfifo out.fifo
run 10 --output out.fifo "$good"
expect 2 "--output onto a FIFO nobody reads"
grep -qF "no process reads the FIFO out.fifo" err.txt || bad "FIFO without reader: $err"
timeout 10 cat out.fifo >fifo.json &
reader=$!
sleep 0.3
run 10 --output out.fifo "$good"
expect 1 "--output onto a FIFO with a reader"
wait "$reader"
[ -p out.fifo ] || bad "--output replaced the FIFO"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' fifo.json 2>/dev/null ||
	bad "--output onto a FIFO: the reader got no JSON report"
mkdir outdir
run 10 --output outdir "$good"
expect 2 "--output onto a directory"
grep -qF "outdir is a directory, block device or socket" err.txt ||
	bad "--output onto a directory: no output-not-regular message: $err"

# 13. --output (or --write-baseline) naming one of the inputs, directly, through a
#     symlink, found by a directory walk or read as standard input: a usage error, exit 2,
#     the notice untouched and no report written.
mkdir -p tree/sub
cp "$good" tree/sub/a.txt
ln -s tree/sub/a.txt alias.txt
sum=$(cksum <"$good")
for args in "--output $good $good" "--output alias.txt $good tree" \
	"--output tree/sub/a.txt tree" "--write-baseline tree/sub/a.txt tree" \
	"--output $good -"; do
	# shellcheck disable=SC2086
	run 10 $args <"$good"
	expect 2 "input as output ($args)"
	grep -qF "is also the input" err.txt || bad "input as output ($args): no usage-output-is-input: $err"
	[ ! -s out.json ] || bad "input as output ($args): a report was written"
done
[ "$(cksum <"$good")" = "$sum" ] || bad "input as output: the notice was changed"
[ "$(cksum <tree/sub/a.txt)" = "$sum" ] || bad "input as output: the walked notice was changed"
ls -A . tree/sub | grep -q '^\.noticelint-' && bad "input as output: a temporary file was left"

# 14. A reader that leaves early (| head -1): no message, no signal death, the exit status
#     of the findings, in the human and in a machine format (the report of 10,000
#     headings is far larger than a pipe's buffer, so the writes do fail).
python3 -c '
import sys
cn = "一二三四五六七八九十"
sys.stdout.write("中共某县委巡察整改进展情况的通报\n" + "".join(
    "%s、第%d项整改任务\n" % (cn[i % 10], i) for i in range(10000)))' >many.txt
for f in human json; do
	set -o pipefail
	timeout 60 "$bin" --lang en --format $f many.txt "$good" 2>err.txt | head -1 >/dev/null
	rc=$?
	set +o pipefail
	err=$(cat err.txt)
	expect 1 "| head -1 ($f)"
	[ -z "$err" ] || bad "| head -1 ($f): printed ${err:0:300}"
done

# 15. --quiet silences human text only: on a clean run json and sarif still write a
#     complete document, human writes nothing.
printf '联系电话：0812-3866910。\n' >clean.txt
cat >packs/quiet.yml <<'EOF'
pack: quiet
rules:
  - id: QUIET-001
    check: existence
    level: error
    message: {zh: "测试", en: "test"}
    description: A phrase no clean notice holds.
    source: hostile input tests
    pattern: "不存在的说法"
    examples:
      flag: ["不存在的说法"]
      pass: ["联系电话"]
EOF
for f in json sarif; do
	timeout 10 "$bin" -q --no-default-rules --rules packs/quiet.yml --format $f clean.txt \
		>quiet.out 2>err.txt
	rc=$?
	err=$(cat err.txt)
	expect 0 "-q --format $f on a clean file"
	python3 - "$f" <<'PY' || bad "-q --format $f: no complete document: $(head -c 200 quiet.out)"
import json, sys
d = json.load(open("quiet.out"))
if sys.argv[1] == "json":
    assert d["summary"]["files"] == 1 and d["files"][0]["diagnostics"] == []
else:
    assert d["version"] == "2.1.0" and d["runs"][0]["results"] == []
PY
done
timeout 10 "$bin" -q --no-default-rules --rules packs/quiet.yml clean.txt >quiet.out 2>&1
[ ! -s quiet.out ] || bad "-q human on a clean file printed: $(head -c 200 quiet.out)"

# 16. The per-file cap keeps the first findings by position, whatever rule found them:
#     the pack's first rule matches only the second half of the file, its second rule
#     only the first half, so a cap in rule order would keep the wrong half.
cat >packs/cap.yml <<'EOF'
pack: cap
rules:
  - id: CAP-LATE
    check: existence
    level: warning
    message: {zh: "后", en: "late"}
    description: Marks the second half of the test file.
    source: hostile input tests
    pattern: "乙项"
    examples:
      flag: ["乙项"]
      pass: ["甲项"]
  - id: CAP-EARLY
    check: existence
    level: warning
    message: {zh: "前", en: "early"}
    description: Marks the first half of the test file.
    source: hostile input tests
    pattern: "甲项"
    examples:
      flag: ["甲项"]
      pass: ["乙项"]
EOF
python3 -c '
import sys
sys.stdout.write("".join("甲项%d。\n" % i for i in range(6000)) + "".join("乙项%d。\n" % i for i in range(6000)))' >halves.txt
run 20 --no-default-rules --rules packs/cap.yml halves.txt
expect 0 "cap by position (warnings only)"
python3 - "$maxd" <<'PY' || bad "cap by position: the kept findings are not the first $maxd by position"
import json, sys
cap = int(sys.argv[1])
d = json.load(open("out.json"))["files"][0]["diagnostics"]
assert len(d) == cap + 1, len(d)
assert all(x["rule"] == "CAP-EARLY" for x in d[:cap]), {x["rule"] for x in d[:cap]}
assert [x["line"] for x in d[:cap]] == list(range(1, cap + 1))
assert d[cap]["rule"] == "diag-truncated" and str(12000 - cap) in d[cap]["message"]
PY

# 17. No text: an empty file, a UTF-8 BOM alone, a UTF-16 BOM alone and a file of spaces,
#     ideographic spaces and line breaks each get the one finding input-empty, nothing
#     else, and are no input error.
: >e0.txt
printf '\xef\xbb\xbf' >e1.txt
printf '\xff\xfe' >e2.txt
printf ' \r\n\xe3\x80\x80\t\n\n' >e3.txt
run 10 e0.txt e1.txt e2.txt e3.txt
expect 1 "files with no text"
for f in e0.txt e1.txt e2.txt e3.txt; do
	[ "$(ids $f)" = "1 input-empty" ] || bad "no text, $f: got '$(ids $f)', expected '1 input-empty'"
done

# 18. --encoding is honoured before the NUL check: BOM-less UTF-16LE is binary when the
#     encoding is detected and a notice when it is named.
iconv -f UTF-8 -t UTF-16LE "$good" >le.txt
run 10 le.txt
expect 2 "BOM-less UTF-16LE, detected"
has le.txt input-binary "BOM-less UTF-16LE, detected"
run 10 --encoding UTF-16LE le.txt
expect 1 "BOM-less UTF-16LE with --encoding UTF-16LE"
has le.txt PUN-001 "BOM-less UTF-16LE with --encoding UTF-16LE"
has le.txt input-encoding "BOM-less UTF-16LE with --encoding UTF-16LE"

[ "$fail" -eq 0 ] && echo "hostile: ok"
exit "$fail"
