#!/usr/bin/env bash
# SARIF validation: installs the official SARIF multitool from npm into a scratch folder,
# validates `--format sarif` output of every seed (default rules), of a .docx and a .pdf,
# and of the format goldens against the sarif-2.1.0.json schema it ships
# (python3-jsonschema, draft 2020-12), then
# runs its validator with the SARIF and GitHub rule kinds and fails on any error. Also
# checks the GitHub code scanning essentials by hand. Fails when npm cannot install.
# Usage: sarif.test.sh path/to/noticelint source-dir
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-sarif.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
bad() { echo "sarif: FAIL: $*"; fail=1; }
export NOTICELINT_RULES="$src/rules"
cd "$src" || exit 1

command -v npm >/dev/null || { echo "sarif: FAIL: npm is not installed (tools/deps.sh)"; exit 1; }
if ! npm install --prefix "$tmp/npm" --no-audit --no-fund @microsoft/sarif-multitool-linux \
	>"$tmp/npm.log" 2>&1; then
	echo "sarif: FAIL: npm install @microsoft/sarif-multitool-linux failed:"
	tail -20 "$tmp/npm.log"
	exit 1
fi
pkg=$tmp/npm/node_modules/@microsoft/sarif-multitool-linux
schema=$pkg/sarif-2.1.0.json
tool=$pkg/Sarif.Multitool
[ -f "$schema" ] || { echo "sarif: FAIL: the package ships no sarif-2.1.0.json"; exit 1; }
chmod u+x "$tool" 2>/dev/null

"$bin" --today 2026-11-23 --format sarif fixtures/seeds/*.txt fixtures/input/invalid-utf8.txt \
	fixtures/docx/004-auto.docx fixtures/pdf/000.pdf missing-notice.txt >"$tmp/seeds.sarif" 2>"$tmp/err"
[ $? = 2 ] || bad "the run with a missing file did not exit 2"
[ -s "$tmp/err" ] && bad "wrote to stderr: $(head -c 300 "$tmp/err")"
sed 1d fixtures/formats/seeds.expected.sarif >"$tmp/golden.sarif"

for f in "$tmp/seeds.sarif" "$tmp/golden.sarif"; do
	python3 - "$schema" "$f" <<'PY' || bad "$(basename "$f") does not follow the schema"
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
log = json.load(open(sys.argv[2]))
errors = list(jsonschema.Draft202012Validator(schema).iter_errors(log))
for e in errors[:10]:
    print("  %s: %s" % ("/".join(map(str, e.absolute_path)), e.message))
run = log["runs"][0]
rules = run["tool"]["driver"]["rules"]
assert run["columnKind"] == "unicodeCodePoints"
assert run["results"], "no results"
for r in run["results"]:
    assert rules[r["ruleIndex"]]["id"] == r["ruleId"], r["ruleId"]
    assert r["level"] in ("error", "warning", "note")
    assert len(r["partialFingerprints"]["noticelint/v1"]) == 16
    loc = r["locations"][0]["physicalLocation"]
    assert not loc["artifactLocation"]["uri"].startswith("/")
    assert loc["artifactLocation"]["uriBaseId"] == "SRCROOT"
    assert not loc["artifactLocation"]["uri"].startswith("..")
    reg = loc["region"]
    assert reg["startLine"] >= 1 and reg["startColumn"] >= 1
    assert (reg["endLine"], reg["endColumn"]) >= (reg["startLine"], reg["startColumn"])
assert run["originalUriBaseIds"]["SRCROOT"]["uri"].startswith("file:///")
assert run["originalUriBaseIds"]["SRCROOT"]["uri"].endswith("/")
assert run["tool"]["driver"]["informationUri"].startswith("https://")
# GitHub's upload limits: 25,000 results and rules per run, 1,000 locations per result.
assert len(run["results"]) <= 25000 and len(rules) <= 25000
assert all(len(r.get("relatedLocations", [])) <= 1000 for r in run["results"])
# Converted inputs say what their regions count; PDF regions name the page.
conv = [r["locations"][0]["physicalLocation"] for r in run["results"]
        if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith((".docx", ".pdf"))]
if sys.argv[2].endswith("seeds.sarif"):
    assert conv, "no results for the docx and pdf fixtures"
    for loc in conv:
        props = loc["region"]["properties"]
        fmt = loc["artifactLocation"]["uri"].rsplit(".", 1)[1]
        assert props["sourceFormat"] == fmt, props
        assert (fmt == "pdf") == ("page" in props), props
for d in rules:
    assert d["shortDescription"]["text"] and d["fullDescription"]["text"] and d["help"]["text"]
    assert d["name"] and d["help"]["markdown"] and d["helpUri"].startswith("https://")
    assert d["defaultConfiguration"]["level"] in ("error", "warning", "note")
inv = run["invocations"][0]
assert inv["executionSuccessful"] is False
assert inv["toolExecutionNotifications"][0]["descriptor"]["id"] == "input-missing"
sys.exit(1 if errors else 0)
PY
	if [ -x "$tool" ]; then
		"$tool" validate "$f" -o "$f.check" --rule-kind "Sarif;Gh" >"$tmp/val.log" 2>&1 ||
			bad "multitool validate failed on $(basename "$f"): $(tail -5 "$tmp/val.log")"
		grep -E ': error [A-Z]+[0-9]+' "$tmp/val.log" && bad "multitool reports errors"
	else
		bad "the multitool binary is missing"
	fi
done

# A broken log must be caught by the schema check (the check itself can fail).
python3 - "$schema" "$tmp/seeds.sarif" <<'PY' && bad "the schema check accepts a string startLine"
import json, sys
import jsonschema
log = json.load(open(sys.argv[2]))
log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = "x"
sys.exit(1 if list(jsonschema.Draft202012Validator(json.load(open(sys.argv[1]))).iter_errors(log)) else 0)
PY

if [ $fail -ne 0 ]; then echo "sarif: FAILED"; exit 1; fi
echo "sarif: output validates against the SARIF 2.1.0 schema and the GitHub rules"
