#!/usr/bin/env bash
# Baselines: --write-baseline records a seed's findings (sorted JSON, version 1); with
# --baseline the same notice reports nothing, still nothing after lines are inserted above
# the findings and a paragraph is moved, while a newly introduced defect is reported;
# --prune-baseline drops the entries of a fixed defect and keeps the others.
# Usage: baseline.test.sh path/to/noticelint source-dir
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-baseline.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
bad() { echo "baseline: FAIL: $*"; fail=1; }
cd "$tmp" || exit 1
lint() { "$bin" --today 2026-11-23 --lang en --no-default-rules \
	--rules "$src/fixtures/formats/pack.yml" --format jsonl "$@"; }

# 002 has twelve percentages (two of them "100%") and two team names.
cp "$src/fixtures/seeds/002_4720707dcb0128ec.txt" notice.txt
lint --write-baseline base.json notice.txt >first.jsonl
[ $? = 1 ] || bad "--write-baseline should keep the lint exit status 1"
n=$(wc -l <first.jsonl)
[ "$n" -ge 4 ] || bad "expected at least 4 findings in 002, got $n"
python3 - base.json "$n" <<'PY' || bad "baseline file malformed"
import json, sys
d = json.load(open(sys.argv[1]))
assert list(d) == ["version", "entries"] and d["version"] == 1
e = d["entries"]
assert len(e) == int(sys.argv[2]), (len(e), sys.argv[2])
keys = [(x["path"], x["rule"], x["fingerprint"]) for x in e]
assert keys == sorted(keys) and len(set(keys)) == len(keys)
assert all(x["path"] == "notice.txt" for x in e)
PY

out=$(lint --baseline base.json notice.txt)
[ $? = 0 ] || bad "baselined notice still fails"
[ -z "$out" ] || bad "baselined notice still reports: $out"

# Insert lines at the top and move the last paragraph to the front: same findings.
{ printf '补充说明：本通报根据最新情况修订。\n\n'; tail -n 3 notice.txt; head -n -3 notice.txt; } >moved.txt
mv moved.txt notice.txt
grep -n '100%' notice.txt | head -1 | grep -q '^[0-9]*:' || bad "edit lost the findings"
out=$(lint --baseline base.json notice.txt)
[ $? = 0 ] || bad "baseline does not survive inserted and moved lines: $out"

# A new defect is reported, alone.
printf '\n全区整改完成率达到 87%%。\n' >>notice.txt
out=$(lint --baseline base.json notice.txt)
rc=$?
[ "$rc" = 1 ] || bad "new defect: exit $rc, expected 1"
[ "$(printf '%s\n' "$out" | grep -c .)" = 1 ] || bad "expected exactly the new finding, got: $out"
printf '%s\n' "$out" | grep -q '"rule":"FMT-001".*87%' || bad "new defect not reported: $out"

# A copy of a whole line is new, although its text equals baselined findings.
grep -m1 '100%' notice.txt >dup.txt
cat dup.txt >>notice.txt
out=$(lint --baseline base.json notice.txt)
want=$(grep -o '[0-9.]*%' dup.txt | wc -l)
got=$(printf '%s\n' "$out" | grep -c '"rule":"FMT-001"')
[ "$got" = $((want + 1)) ] || bad "duplicated line: $got findings, expected $((want + 1))"

# Fix one "市委第三巡察组" (rename it) and prune: its entry goes, the others stay.
before=$(python3 -c 'import json;print(len(json.load(open("base.json"))["entries"]))')
sed -i '0,/市委第三巡察组/s//市委巡察组/' notice.txt
cp base.json other.json
lint --baseline base.json --prune-baseline notice.txt >/dev/null
after=$(python3 -c 'import json;print(len(json.load(open("base.json"))["entries"]))')
[ "$after" = $((before - 1)) ] || bad "prune kept $after of $before entries, expected $((before - 1))"
lint --baseline other.json --prune-baseline "$src/fixtures/seeds/000_2800b427cfbef2a5.txt" >/dev/null
cmp -s base.json other.json && bad "prune touched nothing"
after=$(python3 -c 'import json;print(len(json.load(open("other.json"))["entries"]))')
[ "$after" = "$before" ] || bad "prune dropped entries of a file it did not lint"

# A baseline that does not exist yet (a gate's first run) is empty: the report and status
# are those of a run without --baseline, nothing is written, even with --prune-baseline.
lint notice.txt >plain.out 2>&1
plain_rc=$?
lint --baseline nosuch.json notice.txt >first.out 2>err
rc=$?
[ "$rc" = "$plain_rc" ] && [ "$rc" = 1 ] || bad "missing baseline: exit $rc, expected $plain_rc: $(cat err)"
[ -s err ] && bad "missing baseline wrote to stderr: $(cat err)"
cmp -s plain.out first.out || bad "missing baseline changed the report"
lint --baseline nosuch.json --prune-baseline notice.txt >/dev/null 2>&1
[ -e nosuch.json ] && bad "--prune-baseline created a baseline that did not exist"

# Errors: an unreadable or malformed baseline is exit 2 with a clear message.
mkdir dir.json
lint --baseline dir.json notice.txt >/dev/null 2>err
[ $? = 2 ] && grep -q 'cannot read the baseline dir.json' err || bad "unreadable baseline: $(cat err)"
echo '{"version": 7, "entries": []}' >v7.json
lint --baseline v7.json notice.txt >/dev/null 2>err
[ $? = 2 ] && grep -q 'baseline v7.json is not valid' err || bad "bad baseline: $(cat err)"
lint --prune-baseline notice.txt >/dev/null 2>err
[ $? = 2 ] || bad "--prune-baseline without --baseline accepted"

if [ $fail -ne 0 ]; then echo "baseline: FAILED"; exit 1; fi
echo "baseline: fingerprints survive edits elsewhere; new findings are reported"
