#!/usr/bin/env bash
# --shard I/N and `noticelint merge`: the shards of a run split its files without overlap
# or gap, by the path relative to the root (the same split in any checkout directory), and
# their json and sarif reports merge to the bytes and exit status of the unsharded run;
# reports that do not belong together are refused with a message and exit 2.
# Usage: shard.test.sh path/to/noticelint source-dir
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-shard.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
bad() { echo "shard: FAIL: $*"; fail=1; }
export NOTICELINT_RULES="$src/rules"
cd "$src" || exit 1
# The inputs hold message-id findings (input-encoding, input-empty...) whose SARIF rules
# entries come in order of first use, and a file that cannot be read.
lint() { "$bin" --today 2026-11-23 "$@" fixtures/seeds fixtures/input fixtures/docx missing.txt; }

for fmt in json sarif; do
	lint -f "$fmt" >"$tmp/all.$fmt"
	rc_all=$?
	for n in 1 3 7; do
		parts=()
		for i in $(seq 1 "$n"); do
			lint -f "$fmt" --shard "$i/$n" >"$tmp/s$i.$fmt"
			parts=("$tmp/s$i.$fmt" "${parts[@]}")   # reversed: merge must not rely on order
		done
		"$bin" merge "${parts[@]}" >"$tmp/m.$fmt" 2>"$tmp/err"
		rc=$?
		cmp -s "$tmp/all.$fmt" "$tmp/m.$fmt" || bad "$fmt: $n shards merged differ from one run"
		[ "$rc" = "$rc_all" ] || bad "$fmt: merge of $n shards exit $rc, one run exit $rc_all"
		[ -s "$tmp/err" ] && bad "$fmt: merge of $n shards wrote to stderr: $(cat "$tmp/err")"
	done
	"$bin" merge --output "$tmp/out.$fmt" "$tmp"/s[1-7]."$fmt" || [ $? = "$rc_all" ] ||
		bad "$fmt: merge --output failed"
	cmp -s "$tmp/all.$fmt" "$tmp/out.$fmt" || bad "$fmt: merge --output differs from one run"
done
[ "$rc_all" = 2 ] || bad "the missing input did not make the exit status 2"

# A clean run merges to exit 0, a run with errors to exit 1, as the unsharded runs exit.
for f in "$src/fixtures/seeds/000_2800b427cfbef2a5.txt" "$src/fixtures/seeds"; do
	"$bin" --today 2026-11-23 -f json "$f" >"$tmp/one.json"
	rc1=$?
	"$bin" --today 2026-11-23 -f json -d PUN-001 --fail-level info "$f" >/dev/null
	for i in 1 2; do "$bin" --today 2026-11-23 -f json --shard "$i/2" "$f" >"$tmp/h$i.json"; done
	"$bin" merge "$tmp/h1.json" "$tmp/h2.json" >"$tmp/hm.json"
	[ $? = "$rc1" ] || bad "merge exit differs from the run's ($rc1) for $f"
	cmp -s "$tmp/one.json" "$tmp/hm.json" || bad "two shards of $f merge to other bytes"
done

# Every file in exactly one shard.
lint -f json >"$tmp/all.json"
for i in 1 2 3; do lint -f json --shard "$i/3" >"$tmp/p$i.json"; done
python3 - "$tmp" <<'PY' || bad "shards overlap or leave files out"
import json, sys
t = sys.argv[1]
allp = [f["path"] for f in json.load(open(t + "/all.json"))["files"]]
parts = [[f["path"] for f in json.load(open("%s/p%d.json" % (t, i)))["files"]] for i in (1, 2, 3)]
flat = sorted(p for part in parts for p in part)
assert flat == sorted(allp), "union"
assert all(part for part in parts), "an empty shard of %d files" % len(allp)
PY

# The split depends on the path below the root, not on where the checkout lies.
for d in a deeper/b; do
	mkdir -p "$tmp/$d/repo/.git"
	cp -r fixtures/seeds "$tmp/$d/repo/notices"
	(cd "$tmp/$d/repo" && "$bin" --today 2026-11-23 -f json --shard 2/3 notices |
		python3 -c 'import json,sys; print("\n".join(f["path"] for f in json.load(sys.stdin)["files"]))' \
		>"$tmp/$(basename "$d").list")
	"$bin" --today 2026-11-23 -f json --shard 2/3 "$tmp/$d/repo/notices" |
		python3 -c 'import json,sys; print("\n".join(f["path"].split("/repo/")[1] for f in json.load(sys.stdin)["files"]))' \
		>"$tmp/$(basename "$d").abs"
done
cmp -s "$tmp/a.list" "$tmp/b.list" || bad "the split differs between two checkout directories"
cmp -s "$tmp/a.list" "$tmp/a.abs" || bad "the split differs between relative and absolute operands"

# Reports that do not merge: exit 2 and a message naming the problem.
refuse() {
	local what=$1 want=$2
	shift 2
	"$bin" merge "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	[ "$rc" = 2 ] || bad "$what: exit $rc, want 2"
	grep -q "$want" "$tmp/err" || bad "$what: no message '$want': $(cat "$tmp/err")"
	[ -s "$tmp/out" ] && bad "$what: wrote a document"
}
s1=$tmp/s1.json s2=$tmp/s2.json s3=$tmp/s3.json
for i in 1 2 3; do lint -f json --shard "$i/3" >"$tmp/s$i.json"; lint -f sarif --shard "$i/3" >"$tmp/s$i.sarif"; done
refuse "a missing shard" "the report of shard 3/3 is missing" --lang en "$s1" "$s2"
refuse "a shard twice" "shard 2/3 is given twice" --lang en "$s1" "$s2" "$s2" "$s3"
refuse "json with sarif" "differ in format" --lang en "$s1" "$tmp/s2.sarif" "$s3"
refuse "an unsharded report" "no shard record" --lang en "$tmp/all.json"
refuse "a missing file" "cannot read the shard report" --lang en "$s1" "$tmp/nothing.json" "$s3"
echo '{"files": [' >"$tmp/broken.json"
refuse "malformed JSON" "is not a JSON document" --lang en "$s1" "$tmp/broken.json" "$s3"
echo '[1, 2]' >"$tmp/array.json"
refuse "a JSON array" "is not a JSON document" --lang en "$tmp/array.json"
"$bin" --today 2026-11-24 -f json --shard 2/3 fixtures/seeds fixtures/input fixtures/docx missing.txt >"$tmp/other-day.json"
refuse "other options" "come from different runs" --lang en "$s1" "$tmp/other-day.json" "$s3"
lint -f json --shard 2/3 --lang en >"$tmp/other-lang.json"
refuse "another language" "come from different runs" --lang en "$s1" "$tmp/other-lang.json" "$s3"
"$bin" --today 2026-11-23 -f json --shard 2/3 fixtures/seeds >"$tmp/other-files.json"
refuse "other inputs" "come from different runs" --lang en "$s1" "$tmp/other-files.json" "$s3"
lint -f json --shard 2/4 >"$tmp/other-n.json"
refuse "another shard count" "different numbers of shards" --lang en "$s1" "$tmp/other-n.json" "$s3"
sed 's/"version":\t"[0-9.]*"/"version":\t"0.0.9"/' "$s2" >"$tmp/old.json"
refuse "another version" "by another version" --lang en "$s1" "$tmp/old.json" "$s3"
python3 - "$s2" "$tmp/cut.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d["files"].pop()
json.dump(d, open(sys.argv[2], "w"))
PY
refuse "a file left out" "the file count differs" --lang en "$s1" "$tmp/cut.json" "$s3"
refuse "no operand" "Usage: noticelint merge" --lang en
refuse "an unknown option" "Usage: noticelint merge" --lang en --bogus "$s1"
"$bin" merge --lang zh "$s1" "$s2" 2>"$tmp/err" >/dev/null
grep -q "缺少分片 3/3 的报告" "$tmp/err" || bad "no Chinese message by default"

for v in 0/3 4/3 x 1/0 3 1/10001 -1/2 1/2x; do
	"$bin" --shard "$v" fixtures/seeds >/dev/null 2>"$tmp/err"
	[ $? = 2 ] || bad "--shard $v accepted"
done

if [ $fail -ne 0 ]; then echo "shard: FAILED"; exit 1; fi
echo "shard: shards split the files and merge to the bytes of one run"
