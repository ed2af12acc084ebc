#!/usr/bin/env bash
# The HTML report in a real browser (headless Chromium): the report of a seed notice is
# rendered and its DOM dumped after the page script ran; every finding of the JSON output
# must be in the list with its message, and the marks of each finding must cover exactly the
# text its span covers in the source. A screenshot is saved beside the binary
# (browser-report.png) for a person to look at. Then a notice and a file name full of markup
# must come out as text: no element, attribute or script of theirs in the DOM.
# Usage: browser.test.sh path/to/noticelint source-dir
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
out_dir=$(dirname "$bin")
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-browser.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export NOTICELINT_RULES="$src/rules"
cd "$src" || exit 1
bad() { echo "browser: FAIL: $*"; fail=1; }

chrome=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chrome" ] || { echo "browser: FAIL: chromium not installed (tools/deps.sh --test)"; exit 1; }
# browse dom FILE OUT: the DOM of file://FILE after its script ran, into OUT;
# browse shot FILE PNG: a screenshot of it.
# Each run has a profile of its own: a browser still closing holds the last one.
runs=0
browse() {
	local mode=(--dump-dom) out=$3
	runs=$((runs + 1))
	[ "$1" = shot ] && mode=(--window-size=1200,1800 "--screenshot=$3") && out=/dev/null
	timeout 120 "$chrome" --headless --no-sandbox --disable-gpu --no-first-run \
		--user-data-dir="$tmp/profile$runs" "${mode[@]}" "file://$2" >"$out" 2>>"$tmp/chrome.log"
}

seed=fixtures/seeds/003_eb93dc48287bd9ac.txt
docs=https://docs.example.org/nl/
"$bin" --today 2026-11-23 --format html --doc-url "$docs" "$seed" >"$tmp/report.html" 2>"$tmp/err"
[ $? = 1 ] || bad "html run of $seed did not exit 1"
[ -s "$tmp/err" ] && bad "html run wrote to stderr: $(head -c 300 "$tmp/err")"
"$bin" --today 2026-11-23 --format json "$seed" >"$tmp/report.json" 2>/dev/null
"$bin" --today 2026-11-23 --format html --lang en --doc-url "$docs" "$seed" >"$tmp/report-en.html" 2>/dev/null
browse dom "$tmp/report.html" "$tmp/dom.html" || bad "chromium --dump-dom failed: $(tail -3 "$tmp/chrome.log")"

python3 - "$tmp/dom.html" "$tmp/report.json" "$seed" "$docs" "$tmp/report-en.html" <<'EOF' || bad "DOM of the seed report"
import json, os, sys
from html.parser import HTMLParser

dom, report, seed, docs, report_en = sys.argv[1:6]

class Walk(HTMLParser):
    """Collects, per finding index, the text of the marks naming it, the list entries
    and the anchors."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.marked, self.items, self.anchors = [], {}, {}, set()
        self.item, self.links, self.titles = None, {}, {}
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.stack.append((tag, a))
        if tag == "a" and "at" in a.get("class", "").split():
            self.anchors.add(a["id"])
        if tag == "li" and a.get("id", "").startswith("f1-i"):
            self.item = int(a["id"][4:])
            self.items[self.item] = ""
        if tag == "a" and "rule" in a.get("class", "").split() and self.item is not None:
            self.links[self.item] = a.get("href", "")
            self.titles[self.item] = a.get("title", "")
    def handle_endtag(self, tag):
        while self.stack:
            t, a = self.stack.pop()
            if t == "li" and a.get("id", "").startswith("f1-i"):
                self.item = None
            if t == tag:
                break
    def handle_data(self, data):
        for t, a in self.stack:
            if t == "mark":
                for d in a.get("data-d", "").split():
                    self.marked[int(d)] = self.marked.get(int(d), "") + data
        if self.item is not None:
            self.items[self.item] += data

w = Walk()
w.feed(open(dom, encoding="utf-8").read())
diags = json.load(open(report, encoding="utf-8"))["files"][0]["diagnostics"]
lines = open(seed, encoding="utf-8").read().split("\n")
errors = []

def text_of(l0, c0, l1, c1):
    if l0 == l1:
        return lines[l0 - 1][c0 - 1:c1 - 1]
    parts = [lines[l0 - 1][c0 - 1:]] + lines[l0:l1 - 1] + [lines[l1 - 1][:c1 - 1]]
    return "".join(parts)  # the line ends are no part of any line's text

if len(w.items) != len(diags):
    errors.append("%d list entries for %d findings" % (len(w.items), len(diags)))
for i, d in enumerate(diags):
    if d["message"] not in w.items.get(i, "") or d["rule"] not in w.items.get(i, ""):
        errors.append("finding %d (%s) not in the list with its message" % (i, d["rule"]))
    page = "doc/rules/%s.md" % d["rule"]
    if w.links.get(i) != docs + page:
        errors.append("finding %d (%s) links to %r, not its rule page" % (i, d["rule"], w.links.get(i)))
    elif not os.path.isfile(page):
        errors.append("finding %d links to %s, which does not exist" % (i, page))
    if "f1-d%d" % i not in w.anchors:
        errors.append("finding %d (%s) has no anchor" % (i, d["rule"]))
    want = text_of(d["line"], d["column"], d["end_line"], d["end_column"])
    got = w.marked.get(i, "")
    if want != got:
        errors.append("finding %d (%s) marks %r, its span is %r" % (i, d["rule"], got[:80], want[:80]))
    for k, r in enumerate(d["related"]):
        if "f1-d%dr%d" % (i, k) not in w.anchors:
            errors.append("related %d of finding %d has no anchor" % (k, i))
# The tooltip is the rule's description in the report's language: Chinese by default, and
# another text in the English report.
en = Walk()
en.feed(open(report_en, encoding="utf-8").read())
for i, d in enumerate(diags):
    zh_t, en_t = w.titles.get(i, ""), en.titles.get(i, "")
    if not zh_t or not en_t or zh_t == en_t:
        errors.append("finding %d (%s): rule tooltip not in the report's language" % (i, d["rule"]))
    elif sum(c >= "\u4e00" for c in zh_t) < sum(c.isascii() and c.isalpha() for c in zh_t):
        errors.append("finding %d (%s): Chinese tooltip %r reads as English" % (i, d["rule"], zh_t[:60]))
if len(diags) < 20:
    errors.append("only %d findings: the seed report is too small to test" % len(diags))
if errors:
    print("\n".join(errors[:20]))
    sys.exit(1)
print("browser: %d findings present and marked at their text" % len(diags))
EOF

# The screenshot: a PNG a person can open (build dir, kept after the run).
rm -f "$out_dir/browser-report.png"
browse shot "$tmp/report.html" "$out_dir/browser-report.png" ||
	bad "chromium --screenshot failed: $(tail -3 "$tmp/chrome.log")"
head -c 8 "$out_dir/browser-report.png" 2>/dev/null | od -An -tx1 | grep -q '89 50 4e 47 0d 0a 1a 0a' ||
	bad "no PNG screenshot at $out_dir/browser-report.png"

# A hostile notice and file name: markup must stay text.
hostile="$tmp/<i>x<u>\"'&.txt"
cat >"$hostile" <<'EOF'
关于<script>document.title='pwned'</script>巡察整改进展情况的通报
根据巡察工作安排(<img src=x onerror="document.title='pwned'">),现将整改情况通报如下。
一、整改落实情况
1.关于"</mark></span><b>加粗</b><iframe src=x></iframe>"的问题:已完成整改。
联系电话:<svg onload="document.title='pwned'">010-12345678
EOF
"$bin" --today 2026-11-23 --format html "$hostile" >"$tmp/hostile.html" 2>/dev/null
browse dom "$tmp/hostile.html" "$tmp/hostile.dom" || bad "chromium failed on the hostile report"
python3 - "$tmp/hostile.dom" <<'EOF' || bad "the hostile notice injected markup"
import sys
from html.parser import HTMLParser

class Walk(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.scripts, self.handlers, self.text, self.title = {}, 0, [], "", ""
        self.in_title = False
    def handle_starttag(self, tag, attrs):
        self.tags[tag] = self.tags.get(tag, 0) + 1
        self.scripts += tag == "script"
        self.in_title = tag == "title"
        self.handlers += [n for n, v in attrs if n.startswith("on")]
    def handle_endtag(self, tag):
        self.in_title = False
    def handle_data(self, data):
        if self.in_title:
            self.title += data
        self.text += data

w = Walk()
w.feed(open(sys.argv[1], encoding="utf-8").read())
errors = []
for tag in ("img", "iframe", "b", "i", "u", "svg"):
    if tag == "svg":
        continue  # the summary chart is an svg of the report's own
    if w.tags.get(tag):
        errors.append("a <%s> element made it into the DOM" % tag)
if w.tags.get("svg", 0) != 1:
    errors.append("%d svg elements, the report has one" % w.tags.get("svg", 0))
if w.scripts != 1:
    errors.append("%d script elements, the report has one" % w.scripts)
if w.handlers:
    errors.append("event handler attributes in the DOM: %s" % w.handlers)
if "pwned" in w.title:
    errors.append("a script of the notice ran: title is %r" % w.title)
for s in ("<script>document.title='pwned'</script>", "<b>加粗</b>", "<i>x<u>",
          '<img src=x onerror="document.title=\'pwned\'">'):
    if s not in w.text:
        errors.append("%r is not shown as text" % s)
if errors:
    print("\n".join(errors))
    sys.exit(1)
EOF

if [ $fail -ne 0 ]; then
	echo "browser: FAILED"
	exit 1
fi
echo "browser: seed report checked in Chromium, screenshot at $out_dir/browser-report.png; hostile notice stays text"
