#!/usr/bin/env bash
# Golden tests of the jsonl, github, sarif, gitlab and html formats: two seed notices, a file
# with invalid UTF-8 and a missing file linted in one run with the fixed pack
# fixtures/formats/pack.yml (so the goldens follow the formats, not the default rules),
# compared byte for byte with fixtures/formats/seeds.expected.FORMAT; plus GitHub
# workflow-command escaping of a path holding ',' and ':', --quiet (text formats silent,
# sarif and html whole), JSON validity of every jsonl line, SARIF paths relative to the
# source root, the GitLab Code Quality fields, and an HTML page that is self-contained,
# deterministic and in the chosen language.
# The SARIF golden holds the source root as file:///SRCROOT/ (the real one depends on where
# the tree is).
# Usage: formats.test.sh path/to/noticelint source-dir [--update]
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
update=${3:-}
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-formats.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
unset NO_COLOR COLUMNS
cd "$src" || exit 1
bad() { echo "formats: FAIL: $*"; fail=1; }
lint() { "$bin" --today 2026-11-23 --no-default-rules --rules "$src/fixtures/formats/pack.yml" "$@"; }
inputs=(fixtures/seeds/000_2800b427cfbef2a5.txt fixtures/seeds/002_4720707dcb0128ec.txt
	fixtures/input/invalid-utf8.txt fixtures/formats/no-such-notice.txt)

for fmt in jsonl github sarif gitlab html; do
	want=fixtures/formats/seeds.expected.$fmt
	lint --format "$fmt" --root . "${inputs[@]}" >"$tmp/raw" 2>"$tmp/err"
	rc=$?
	sed -E 's#"file://[^"]*/"#"file:///SRCROOT/"#' "$tmp/raw" >"$tmp/out"
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
diag = ["path", "rule", "level", "message", "line", "column", "end_line", "end_column",
        "fingerprint", "related"]
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

# HTML: one self-contained page (nothing it loads from outside; the only outside addresses
# are the links from each rule id to its rule page), the same bytes every run, and English
# with --lang en.
lint --format html "${inputs[@]}" >"$tmp/a.html" 2>/dev/null
lint --format html "${inputs[@]}" >"$tmp/b.html" 2>/dev/null
cmp -s "$tmp/a.html" "$tmp/b.html" || bad "two html runs differ"
sed -E 's@<a class="rule" href="https://github.com/noticelint/noticelint/blob/main/(doc/rules/[A-Z0-9.-]+\.md|README\.md#message-ids)"@@g' "$tmp/a.html" |
	grep -oiE '(src|href|action)=["'\'']?[^#"'\'' ][^"'\'' >]*|url\(|@import' |
	head -3 | grep . && bad "html report refers to something outside itself"
grep -q "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';" "$tmp/a.html" ||
	bad "html report has no policy forbidding outside requests"
lint --format html --lang en "${inputs[@]}" >"$tmp/en.html" 2>/dev/null
grep -q '<html lang="en">' "$tmp/en.html" && grep -q '<h2>Summary</h2>' "$tmp/en.html" &&
	! grep -q '问题列表' "$tmp/en.html" || bad "html --lang en is not in English"
grep -q '<html lang="zh-CN">' "$tmp/a.html" && grep -q '问题列表' "$tmp/a.html" ||
	bad "html is not in Chinese by default"

# --quiet on a clean file: no text from github (nor from jsonl, which has no finding to
# write); sarif and html still write their whole document, with no finding.
for fmt in jsonl github; do
	out=$(lint --quiet --format "$fmt" "$tmp/clean.txt")
	[ -z "$out" ] || bad "--quiet --format $fmt printed: $out"
done
lint --quiet --format sarif "$tmp/clean.txt" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["runs"][0]["results"] == []' || bad "--quiet --format sarif: no complete SARIF document"
lint --quiet --format html "$tmp/clean.txt" | tail -1 | grep -qx '</html>' ||
	bad "--quiet --format html: no complete page"

# json, jsonl and sarif carry the same fingerprints and related locations, finding by finding
# (the default rules, which relate locations).
for fmt in json jsonl sarif; do
	NOTICELINT_RULES=$src/rules "$bin" --today 2026-11-23 --format "$fmt" fixtures/seeds/*.txt \
		>"$tmp/same.$fmt" 2>/dev/null
done
python3 - "$tmp/same.json" "$tmp/same.jsonl" "$tmp/same.sarif" <<'PY' || bad "json, jsonl and sarif disagree"
import json, sys
doc = json.load(open(sys.argv[1]))
js = [(f["path"], d["rule"], d["line"], d["column"], d["fingerprint"],
       [(r["line"], r["column"], r["message"]) for r in d["related"]])
      for f in doc["files"] for d in f["diagnostics"]]
jl = [(o["path"], o["rule"], o["line"], o["column"], o["fingerprint"],
       [(r["line"], r["column"], r["message"]) for r in o["related"]])
      for o in map(json.loads, open(sys.argv[2])) if "rule" in o]
assert js == jl, "json and jsonl differ"
assert any(x[5] for x in js), "no finding with related locations: the check proves nothing"
assert all(len(x[4]) == 16 for x in js)
res = json.load(open(sys.argv[3]))["runs"][0]["results"]
sa = [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
       r["partialFingerprints"]["noticelint/v1"]) for r in res]
assert sa == [(x[1], x[2], x[4]) for x in js], "sarif fingerprints differ"
PY

# SARIF paths: relative to the git work tree holding the inputs, whatever the working
# directory; --root DIR moves the base; files outside it get absolute file URIs.
mkdir -p "$tmp/repo/notices/子目录" "$tmp/elsewhere"
git init -q "$tmp/repo"
cp fixtures/seeds/002_4720707dcb0128ec.txt "$tmp/repo/notices/子目录/通报 一.txt"
cp fixtures/seeds/001_b21dc3fc7ee4c764.txt "$tmp/outside.txt"
(cd "$tmp/elsewhere" && lint --format sarif "../repo/notices/子目录/通报 一.txt" ../outside.txt \
	>"$tmp/root.sarif" 2>/dev/null)
(cd "$tmp/elsewhere" && lint --format sarif --root ../repo/notices "../repo/notices/子目录/通报 一.txt" \
	>"$tmp/root2.sarif" 2>/dev/null)
python3 - "$tmp" <<'PY' || bad "SARIF URIs are not relative to SRCROOT"
import json, os, sys, urllib.parse
tmp = os.path.realpath(sys.argv[1])
def uris(name):
    run = json.load(open(os.path.join(tmp, name)))["runs"][0]
    return run["originalUriBaseIds"], {
        (r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
         r["locations"][0]["physicalLocation"]["artifactLocation"].get("uriBaseId"))
        for r in run["results"]}
bases, seen = uris("root.sarif")
assert bases == {"SRCROOT": {"uri": "file://" + urllib.parse.quote(tmp + "/repo/")}}, bases
want = urllib.parse.quote("notices/子目录/通报 一.txt")
assert seen == {(want, "SRCROOT"), ("file://" + urllib.parse.quote(tmp + "/outside.txt"), None)}, seen
bases, seen = uris("root2.sarif")
assert bases["SRCROOT"]["uri"].endswith("/repo/notices/"), bases
assert seen == {(urllib.parse.quote("子目录/通报 一.txt"), "SRCROOT")}, seen
PY
lint --format sarif --root "$tmp/no-such-dir" "$tmp/outside.txt" >/dev/null 2>"$tmp/err"
[ $? = 2 ] && grep -q -- '--root' "$tmp/err" || bad "--root with a missing directory is not a usage error"

# Rule pages: helpUri is --doc-url + doc/rules/ID.md; help has text and markdown.
lint --format sarif --doc-url https://docs.example.org/nl/ "$tmp/outside.txt" >"$tmp/doc.sarif"
python3 - "$tmp/doc.sarif" <<'PY' || bad "SARIF rule documentation is wrong"
import json, sys
d = json.load(open(sys.argv[1]))["runs"][0]["tool"]["driver"]
assert d["informationUri"] == "https://docs.example.org/nl/README.md", d["informationUri"]
names = [r["name"] for r in d["rules"]]
assert len(set(names)) == len(names), "rule names repeat"
for r in d["rules"]:
    if r["id"][0].isupper():
        assert r["helpUri"] == "https://docs.example.org/nl/doc/rules/%s.md" % r["id"], r["helpUri"]
    assert r["help"]["text"] and r["help"]["markdown"].startswith("**" + r["id"] + "**")
    assert r["helpUri"] in r["help"]["markdown"]
    assert r["name"][0].isupper() and "-" not in r["name"], r["name"]
PY
for url in docs.example.org/ https://docs.example.org/nl 'https://a b/'; do
	lint --format sarif --doc-url "$url" "$tmp/outside.txt" >/dev/null 2>&1
	[ $? = 2 ] || bad "--doc-url $url was accepted"
done

# GitLab Code Quality: the documented fields, the level mapping, fingerprints unique across
# files with the same defect, paths relative to the source root; [] on a clean run.
cp "$tmp/repo/notices/子目录/通报 一.txt" "$tmp/repo/notices/copy.txt"
(cd "$tmp/elsewhere" && lint --format gitlab ../repo/notices/ >"$tmp/gl.json" 2>/dev/null)
python3 - "$tmp/gl.json" <<'PY' || bad "gitlab report is wrong"
import json, sys
issues = json.load(open(sys.argv[1]))
assert isinstance(issues, list) and issues
sev = {"error": "major", "warning": "minor", "info": "info"}
for i in issues:
    assert list(i) == ["description", "check_name", "fingerprint", "severity", "location"], list(i)
    assert list(i["location"]) == ["path", "lines"] and i["location"]["lines"]["begin"] >= 1
    assert i["severity"] in sev.values()
    assert i["location"]["path"] in ("notices/copy.txt", "notices/子目录/通报 一.txt"), i["location"]
fps = [i["fingerprint"] for i in issues]
assert len(set(fps)) == len(fps), "fingerprints repeat"
paths = {i["location"]["path"] for i in issues}
assert len(paths) == 2
assert {i["severity"] for i in issues} >= {"major", "minor"}
PY
lint --format jsonl --root "$tmp/repo" "$tmp/repo/notices/copy.txt" >"$tmp/gl.jsonl"
lint --format gitlab --root "$tmp/repo" "$tmp/repo/notices/copy.txt" >"$tmp/gl2.json"
python3 - "$tmp/gl.jsonl" "$tmp/gl2.json" <<'PY' || bad "gitlab severities do not follow the levels"
import json, sys
sev = {"error": "major", "warning": "minor", "info": "info"}
want = [(o["rule"], o["line"], sev[o["level"]], o["message"]) for o in map(json.loads, open(sys.argv[1]))]
got = [(i["check_name"], i["location"]["lines"]["begin"], i["severity"], i["description"])
       for i in json.load(open(sys.argv[2]))]
assert want == got, (want[:3], got[:3])
PY
for q in "" --quiet; do
	out=$(lint --format gitlab $q "$tmp/clean.txt")
	[ "$out" = "[]" ] || bad "clean gitlab report $q is not []: $out"
done
lint --format gitlab "$tmp/missing.txt" >"$tmp/gl3.json" 2>/dev/null
grep -q '"check_name":	"input-missing"' "$tmp/gl3.json" && grep -q '"severity":	"critical"' "$tmp/gl3.json" ||
	bad "an input error is not a critical gitlab issue: $(cat "$tmp/gl3.json")"

if [ $fail -ne 0 ]; then
	echo "formats: FAILED (rerun with --update as the third argument after reviewing)"
	exit 1
fi
echo "formats: jsonl, github, sarif, gitlab and html match their goldens"
