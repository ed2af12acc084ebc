#!/usr/bin/env bash
# Input formats: a .docx, .html or .pdf lints as its text does (the same findings, with
# locations in the source's own terms), automatic Word numbering reaches the numbering
# checks, a directory mixing formats is walked, --stdin-format (or --stdin-filename's
# extension) says what standard input holds, and
# every bad input (damaged or bombed zip, entity bomb, external entity, no document.xml,
# encrypted, damaged or scanned PDF, 30 MB page, .doc) is its own input error with exit 2
# while the other files of the run are still linted.
# Usage: inputs.test.sh path/to/noticelint source-dir
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-inputs.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export NOTICELINT_RULES="$src/rules"
today=2026-11-23
good=$src/fixtures/seeds/000_2800b427cfbef2a5.txt

bad() { echo "inputs: FAIL: $*"; fail=1; }

# findings JSON: rule, level and message of every diagnostic, one per line, sorted.
findings() {
	python3 -c 'import json,sys
for f in json.load(open(sys.argv[1]))["files"]:
    for d in f["diagnostics"]:
        if not d["rule"].startswith("input-"):
            print(d["rule"], d["level"], d["message"])' "$1" | LC_ALL=C sort
}

# 1. The docx made from a seed's text gives that text's findings (automatic numbering too).
for pair in "docx/001-typed.docx seeds/001_b21dc3fc7ee4c764.txt" \
    "docx/004-auto.docx seeds/004_6abf08291da1f359.txt"; do
	set -- $pair
	"$bin" --today $today --format json "$src/fixtures/$1" >"$tmp/a.json"
	"$bin" --today $today --format json "$src/fixtures/$2" >"$tmp/b.json"
	findings "$tmp/a.json" >"$tmp/a"
	findings "$tmp/b.json" >"$tmp/b"
	[ -s "$tmp/a" ] || bad "$1: no findings at all"
	diff -u "$tmp/b" "$tmp/a" >"$tmp/d" || bad "$1 and $2 differ in findings: $(head -20 "$tmp/d")"
done

# 2. Numbering defects of seed 004 come out of Word's automatic numbering: the second 问题②
# at paragraph 118 and the missing 6. at paragraph 131.
"$bin" --today $today --format json "$src/fixtures/docx/004-auto.docx" >"$tmp/auto.json"
python3 - "$tmp/auto.json" <<'PY' || bad "004-auto.docx: automatic numbering defects not found"
import json, sys
f = json.load(open(sys.argv[1]))["files"][0]
assert f["source_format"] == "docx" and f["line_unit"] == "paragraph", f.get("source_format")
got = {(d["rule"], d["line"]) for d in f["diagnostics"]}
for want in [("STR-001", 118), ("STR-001", 131)]:
    assert want in got, want
PY
# Without numbering.xml the same paragraphs have no numbers: the labels come from it.
python3 - "$src/fixtures/docx/004-auto.docx" "$tmp/nonum.docx" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as a, zipfile.ZipFile(sys.argv[2], "w") as b:
    for i in a.infolist():
        if i.filename != "word/numbering.xml":
            b.writestr(i, a.read(i))
PY
"$bin" --today $today --format json "$tmp/nonum.docx" >"$tmp/nonum.json"
grep -q '问题②”与上一序号重复' "$tmp/nonum.json" && bad "nonum.docx: numbering found without numbering.xml"

# 3. The HTML page (GBK, site chrome) and the PDF: chrome and page furniture stay out, and
# locations point into the source.
"$bin" --today $today --format json "$src/fixtures/html/003-gbk.html" >"$tmp/h.json"
for chrome in 当前位置 分享到 网站声明 打印本页 统计 新闻中心; do
	grep -q "$chrome" "$tmp/h.json" && bad "003-gbk.html: chrome '$chrome' was linted"
done
python3 - "$tmp/h.json" "$src/fixtures/html/003-gbk.html" <<'PY' || bad "003-gbk.html: a location does not point at its text"
import json, sys
f = json.load(open(sys.argv[1]))["files"][0]
assert f["source_format"] == "html"
page = open(sys.argv[2], "rb").read().decode("gb18030").split("\n")
n = 0
for d in f["diagnostics"]:
    # Messages quote the text they are about: "…：“QUOTE”"; the quote starts at the location.
    m = d["message"]
    if d["rule"] == "ART-001" and "“" in m:
        quote = m.split("“", 1)[1].rstrip("”")[:4]
        line = page[d["line"] - 1]
        assert line[d["column"] - 1:].startswith(quote), (d, line)
        n += 1
assert n > 0
PY
"$bin" --today $today --format json "$src/fixtures/pdf/000.pdf" >"$tmp/p.json"
"$bin" --today $today --format json "$src/fixtures/seeds/000_2800b427cfbef2a5.txt" >"$tmp/t.json"
findings "$tmp/p.json" | grep -v ART-003 >"$tmp/a"
findings "$tmp/t.json" | grep -v ART-003 >"$tmp/b"
diff -u "$tmp/b" "$tmp/a" >"$tmp/d" || bad "000.pdf and its text differ in findings: $(head -20 "$tmp/d")"
grep -q '"page":' "$tmp/p.json" || bad "000.pdf: no page in the locations"

# 4. A directory mixing formats, and standard input.
mkdir -p "$tmp/dir/sub"
cp "$src/fixtures/docx/001-typed.docx" "$tmp/dir/a.docx"
cp "$src/fixtures/html/003-gbk.html" "$tmp/dir/sub/b.HTM"
cp "$src/fixtures/pdf/000.pdf" "$tmp/dir/c.pdf"
cp "$good" "$tmp/dir/d.txt"
echo "ignored" >"$tmp/dir/e.rtf"
"$bin" --today $today --format json "$tmp/dir" >"$tmp/dir.json" 2>"$tmp/err"
python3 - "$tmp/dir.json" <<'PY' || bad "directory walk: wrong files"
import json, sys
paths = [f["path"].rsplit("/", 1)[1] for f in json.load(open(sys.argv[1]))["files"]]
assert paths == ["a.docx", "c.pdf", "d.txt", "b.HTM"], paths
PY
"$bin" --today $today --format json --stdin-format docx - <"$src/fixtures/docx/004-auto.docx" \
	>"$tmp/stdin.json"
findings "$tmp/stdin.json" >"$tmp/a"
findings "$tmp/auto.json" >"$tmp/b"
cmp -s "$tmp/a" "$tmp/b" || bad "--stdin-format docx: findings differ from the file's"
"$bin" --today $today --format json --stdin-filename "$src/fixtures/docx/n.docx" - \
	<"$src/fixtures/docx/004-auto.docx" >"$tmp/stdin2.json"
findings "$tmp/stdin2.json" >"$tmp/a"
cmp -s "$tmp/a" "$tmp/b" || bad "--stdin-filename n.docx: stdin not read as a docx"
"$bin" --stdin-format rtf - </dev/null >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "stdin-format" "$tmp/err" || bad "--stdin-format rtf: not a usage error"

# 5. Bad inputs, made here.
python3 - "$tmp" <<'PY'
import sys, zipfile
t = sys.argv[1] + "/"
ct = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
def docx(name, document=None, extra=()):
    with zipfile.ZipFile(t + name, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        if document is not None:
            z.writestr("word/document.xml", document)
        for n, data in extra:
            z.writestr(n, data)
docx("nodoc.docx")
lol = "".join('<!ENTITY l%d "&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;">' % ((i,) + (i - 1,) * 10)
              for i in range(1, 10))
docx("entity-bomb.docx", '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY l0 "lol">%s]>'
     '<w:document %s><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>' % (lol, W))
docx("external.docx", '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
     '<w:document %s><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>' % W)
docx("malformed.docx", '<w:document %s><w:body><w:p><w:r><w:t>关于</w:r></w:p>' % W)
# 40 MiB of one byte deflates to about 40 KB.
docx("bomb.docx", '<w:document %s><w:body><w:p><w:r><w:t>' % W + "a" * (40 << 20) +
     '</w:t></w:r></w:p></w:body></w:document>')
with zipfile.ZipFile(t + "entries.docx", "w") as z:
    for i in range(4200):
        z.writestr("e/%d" % i, "")
data = open(t + "nodoc.docx", "rb").read()
open(t + "corrupt.docx", "wb").write(data[: len(data) // 2] + b"\0" * 64)
open(t + "page.html", "wb").write(b"<html><body><p>" + b"\xe5\x85\xb3" * (10 << 20) + b"</p></body></html>")
open(t + "old.doc", "wb").write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
def pdf(objs, extra=b""):
    out = b"%PDF-1.4\n"
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offs)
    return out + b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, extra, x)
pages = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
         b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"]
enc = pages + [b"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O <" + b"11" * 32 +
               b"> /U <" + b"22" * 32 + b"> >>"]
i = b"<0123456789abcdef0123456789abcdef>"
open(t + "encrypted.pdf", "wb").write(pdf(enc, b"/Encrypt 4 0 R /ID [" + i + i + b"] "))
open(t + "scan.pdf", "wb").write(pdf(pages))
open(t + "damaged.pdf", "wb").write(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage\n")
PY
for case in nodoc.docx:input-docx-no-document entity-bomb.docx:input-xml-dtd \
    external.docx:input-xml-dtd malformed.docx:input-xml-malformed bomb.docx:input-zip-bomb \
    entries.docx:input-zip-bomb corrupt.docx:input-zip-corrupt page.html:input-html-too-large \
    old.doc:input-old-word encrypted.pdf:input-pdf-encrypted scan.pdf:input-no-text \
    damaged.pdf:input-pdf-damaged; do
	f=${case%%:*}
	id=${case#*:}
	"$bin" --today $today --format json "$tmp/$f" "$good" >"$tmp/out.json" 2>"$tmp/err"
	rc=$?
	[ $rc -eq 2 ] || bad "$f: exit $rc, expected 2"
	[ -s "$tmp/err" ] && bad "$f: wrote to stderr: $(head -c 300 "$tmp/err")"
	python3 - "$tmp/out.json" "$id" "$f" <<'PY' || bad "$f: expected $id naming the file, the good file linted"
import json, sys
files = json.load(open(sys.argv[1]))["files"]
e = files[0]["errors"]
assert len(e) == 1 and e[0]["id"] == sys.argv[2], e
assert sys.argv[3] in e[0]["message"], e
assert files[1]["errors"] == [] and len(files[1]["diagnostics"]) > 0
PY
done
"$bin" --lang en "$tmp/old.doc" | grep -q "save it as .docx" || bad "old.doc: no advice to save as .docx"

if [ $fail -ne 0 ]; then
	echo "inputs: FAILED"
	exit 1
fi
echo "inputs: formats lint as their text, bad inputs are refused one by one"
