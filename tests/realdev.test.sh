#!/usr/bin/env bash
# Precision on real published notices (fixtures/real-dev/, hand-checked truth in INDEX.md):
#  - every error-level finding must be listed for its file and line in supported-errors.tsv
#    (each entry cites the INDEX.md entry it rests on), and every entry with explicit lines
#    must be reported at each of them;
#  - in a text that stops mid-sentence, TXT-007 is reported once, at the last line, and the
#    absences (GEN-007, GEN-009, GEN-012, GEN-014, and a 一是 left alone by the cut, STR-004)
#    carry the note that the cut may be the cause;
#    an absence that is a rule's `absence: true` finding is then a warning, not an error (it is
#    no longer listed in supported-errors.tsv, so an error for it fails);
#  - the model finds the parts INDEX.md lists (parts.tsv: title, intro, first section
#    heading) on the lines it gives, as tests/model_dump prints them.
# Usage: realdev.test.sh path/to/noticelint source-dir
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
dump=$(dirname "$bin")/tests/model_dump
dir=fixtures/real-dev
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-realdev.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export NOTICELINT_RULES="$src/rules"
cd "$src" || exit 1
[ -x "$dump" ] || { echo "realdev: FAIL: no model_dump binary at $dump"; exit 1; }
ls "$dir"/[0-9]*.txt >/dev/null 2>&1 || { echo "realdev: FAIL: no notices in $dir"; exit 1; }

for f in "$dir"/[0-9]*.txt; do
	"$bin" --today 2026-11-23 --lang en --format json "$f" >"$tmp/$(basename "$f" .txt).json"
	rc=$?
	[ $rc -le 1 ] || { echo "realdev: FAIL: $f: exit $rc"; exit 1; }
done
"$dump" "$dir"/[0-9]*.txt >"$tmp/model.tsv" || { echo "realdev: FAIL: model_dump failed"; exit 1; }

python3 - "$dir" "$tmp" <<'PY'
import json, os, sys

d, tmp = sys.argv[1], sys.argv[2]
fail = []
absence = {"GEN-007", "GEN-009", "GEN-012", "GEN-014"}

def rows(name, ncols):
    out = []
    for n, line in enumerate(open(os.path.join(d, name), encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != ncols or not all(c.strip() for c in cols):
            fail.append(f"{name}:{n}: expected {ncols} non-empty tab-separated columns")
            continue
        out.append(cols)
    return out

files = sorted(f[:-4] for f in os.listdir(d) if f.endswith(".txt") and f[:3].isdigit())
supported = {}
for f, rule, lines, why in rows("supported-errors.tsv", 4):
    if f not in files:
        fail.append(f"supported-errors.tsv: unknown file {f}")
    supported[(f, rule)] = None if lines == "*" else {int(x) for x in lines.split(",")}

for f in files:
    data = json.load(open(os.path.join(tmp, f + ".json"), encoding="utf-8"))
    diags = [x for fi in data["files"] for x in fi["diagnostics"]]
    text = open(os.path.join(d, f + ".txt"), encoding="utf-8").read().split("\n")
    last = max(i for i, l in enumerate(text, 1) if l.strip())
    cut = [x for x in diags if x["rule"] == "TXT-007"]
    if len(cut) != 1 or cut[0]["line"] != last:
        fail.append(f"{f}: TXT-007 expected once at L{last}, got {[x['line'] for x in cut]}")
    seen = set()
    for x in diags:
        if x["rule"] == "STR-004" and cut and x["line"] == last and "stands alone" in x["message"] \
                and not any("truncat" in r.get("message", "") for r in x.get("related", [])):
            fail.append(f"{f}:{x['line']}: STR-004 at the cut line lacks the truncation note")
        if x["rule"] in absence and cut and not any(
                "truncat" in r.get("message", "") for r in x.get("related", [])):
            fail.append(f"{f}:{x['line']}: {x['rule']} lacks the truncation note")
        if x["level"] != "error":
            continue
        key = (f, x["rule"])
        if key not in supported:
            fail.append(f"{f}:{x['line']}: error {x['rule']} not supported by INDEX.md: {x['message']}")
            continue
        lines = supported[key]
        if lines is not None and x["line"] not in lines:
            fail.append(f"{f}:{x['line']}: error {x['rule']} on a line INDEX.md does not support")
        seen.add((x["rule"], x["line"]))
    for (sf, rule), lines in supported.items():
        if sf == f and lines is not None:
            for n in sorted(lines - {l for r, l in seen if r == rule}):
                fail.append(f"{f}:{n}: {rule} listed in supported-errors.tsv but not reported")

model = {}
for line in open(os.path.join(tmp, "model.tsv"), encoding="utf-8"):
    cols = line.rstrip("\n").split("\t")
    name = os.path.basename(cols[0])[:-4]
    model.setdefault(name, []).append(cols[1:])

for f, title, intro, section in rows("parts.tsv", 4):
    m = model.get(f, [])
    got_title = next((c[1] for c in m if c[0] == "title"), None)
    want_title = title if "-" in title[1:] or title == "-" else f"{title}-{title}"
    if got_title != want_title:
        fail.append(f"{f}: title at {got_title}, INDEX.md says {title}")
    got_intro = next((c[1] for c in m if c[0] == "intro"), None)
    if got_intro != intro:
        fail.append(f"{f}: intro at {got_intro}, INDEX.md says L{intro}")
    heads = [c[1] for c in m if c[0] == "part" and (c[3] == "heading" or f == "008")]
    if not heads or heads[0] != section:
        fail.append(f"{f}: first section at {heads[:1]}, INDEX.md says L{section}")
if len(model) != len(files):
    fail.append(f"model_dump printed {len(model)} files, expected {len(files)}")

for m in fail:
    print("realdev: FAIL: " + m)
if fail:
    sys.exit(1)
print(f"realdev: {len(files)} notices: every error supported by INDEX.md, every listed part found")
PY
