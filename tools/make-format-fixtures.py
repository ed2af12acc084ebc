#!/usr/bin/python3
"""Builds the .docx, .html and .pdf fixtures from the seed notices' text, so that each
format's reader is tested on a notice whose plain-text findings are known.

fixtures/docx/004-auto.docx   seed 004 with its 一、（一）1. 问题① markers as Word automatic
                              numbering (a "set numbering value" restart wherever the seed's
                              number is not the next one, as Word writes it)
fixtures/docx/001-typed.docx  seed 001 with the numbers typed, one paragraph per line
fixtures/docx/soe-table.docx  fixtures/fresh/soe-table.txt, its tab-separated lines as a
                              Word table (a problem list with one row per problem)
fixtures/html/003-gbk.html    seed 003 as a GBK page of a government site: header, menu,
                              breadcrumb, share bar, script and copyright footer around it
fixtures/pdf/000.pdf          seed 000 typeset on A4 pages with wrapped lines, a running
                              header and page numbers

Needs Debian's python3-docx and python3-cairo and fonts-noto-cjk. The outputs are
committed; the test suite does not run this.
Usage: tools/make-format-fixtures.py   (from the repository root)
"""
import copy
import html
import re
import sys

import cairo
import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

SEEDS = "fixtures/seeds/"


def seed_lines(name):
    with open(SEEDS + name, encoding="utf-8") as f:
        lines = f.read().split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


def typed_docx(src, out):
    d = docx.Document()
    for line in seed_lines(src):
        d.add_paragraph(line)
    d.save(out)


def table_docx(src, out):
    """One paragraph per line; a run of tab-separated lines becomes one Word table."""
    with open(src, encoding="utf-8") as f:
        lines = f.read().rstrip("\n").split("\n")
    d = docx.Document()
    i = 0
    while i < len(lines):
        if "\t" not in lines[i]:
            d.add_paragraph(lines[i])
            i += 1
            continue
        rows = []
        while i < len(lines) and "\t" in lines[i]:
            rows.append(lines[i].split("\t"))
            i += 1
        t = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                t.cell(r, c).text = text
    d.save(out)


# Levels of the automatic list: marker pattern, Word format, lvlText.
LEVELS = [
    (r"([一二三四五六七八九十]+)、", "chineseCounting", "%1、"),
    (r"（([一二三四五六七八九十]+)）", "chineseCounting", "（%2）"),
    (r"(\d+)\.(?=\S)", "decimal", "%3."),
    (r"问题([①-⑳])", "decimalEnclosedCircle", "问题%4"),
]
CN = "一二三四五六七八九十"


def value(level, token):
    if level in (0, 1):
        return CN.index(token) + 1 if len(token) == 1 else 10 + CN.index(token[1]) + 1
    if level == 2:
        return int(token)
    return ord(token) - ord("①") + 1


def abstract_xml():
    lvls = []
    for i, (_, fmt, text) in enumerate(LEVELS):
        lvls.append(
            '<w:lvl w:ilvl="%d"><w:start w:val="1"/><w:numFmt w:val="%s"/>'
            '<w:suff w:val="nothing"/><w:lvlText w:val="%s"/><w:lvlJc w:val="left"/></w:lvl>'
            % (i, fmt, text))
    return parse_xml('<w:abstractNum %s w:abstractNumId="90">%s</w:abstractNum>'
                     % (nsdecls("w"), "".join(lvls)))


def num_xml(num_id, override=None):
    ovr = ""
    if override is not None:
        ovr = ('<w:lvlOverride w:ilvl="%d"><w:startOverride w:val="%d"/></w:lvlOverride>'
               % override)
    return parse_xml('<w:num %s w:numId="%d"><w:abstractNumId w:val="90"/>%s</w:num>'
                     % (nsdecls("w"), num_id, ovr))


def auto_docx(src, out):
    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(0, abstract_xml())
    numbering.append(num_xml(900))
    next_id = 901
    num = 900
    count = [0] * len(LEVELS)
    for line in seed_lines(src):
        level = None
        for i, (pat, _, _) in enumerate(LEVELS):
            m = re.match(pat, line)
            if m:
                level, v, rest = i, value(i, m.group(1)), line[m.end():]
                break
        if level is None:
            d.add_paragraph(line)
            continue
        if count[level] + 1 != v:
            # The number the seed shows is not the next one: restart as Word does.
            numbering.append(num_xml(next_id, (level, v)))
            num = next_id
            next_id += 1
        count[level] = v
        for k in range(level + 1, len(LEVELS)):
            count[k] = 0
        p = d.add_paragraph(rest)
        ppr = p._p.get_or_add_pPr()
        ppr.insert(0, parse_xml('<w:numPr %s><w:ilvl w:val="%d"/><w:numId w:val="%d"/>'
                                '</w:numPr>' % (nsdecls("w"), level, num)))
    d.save(out)


CHROME_TOP = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>巡察整改 - 区委门户网站</title>
<link rel="stylesheet" type="text/css" href="/css/style.css" />
<script type="text/javascript">var _hmt = _hmt || []; document.write("<b>统计</b>");</script>
<style>.article p { text-indent: 2em; }</style>
</head>
<body>
<div class="header"><div class="logo">区委门户网站</div>
<div class="search"><form action="/search"><input type="text" name="q" /><button>搜索</button></form></div></div>
<div id="nav"><ul><li><a href="/">首页</a></li><li><a href="/xwzx/">新闻中心</a></li>
<li><a href="/xcgz/">巡察工作</a></li><li><a href="/gsgg/">公示公告</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/xcgz/">巡察工作</a> &gt; 正文</div>
<div class="article">
"""

CHROME_BOTTOM = """</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
<script>window.print && console.log("打印本页");</script>
<div class="footer"><p>关于我们 | 联系我们 | 网站声明</p>
<p>主办：区委办公室　ICP备案编号：示例ICP备00000000号</p></div>
</body>
</html>
"""


def gbk_html(src, out):
    lines = seed_lines(src)
    body = []
    for line in lines:
        if line.strip() == "":
            continue
        text = html.escape(line, quote=False)
        # Pages indent paragraphs with &nbsp; and keep the contact lines apart with <br>.
        body.append("<p>&nbsp;&nbsp;%s</p>" % text if len(line) > 40 else "<p>%s</p>" % text)
    page = CHROME_TOP + "\n".join(body) + "\n" + CHROME_BOTTOM
    with open(out, "wb") as f:
        f.write(page.encode("gb18030"))


def pdf(src, out):
    width, height, margin, size = 595, 842, 72, 14
    surface = cairo.PDFSurface(out, width, height)
    ctx = cairo.Context(surface)
    ctx.select_font_face("Noto Sans CJK SC")
    ctx.set_font_size(size)
    lead = size * 1.8
    header = "巡察整改进展情况通报"
    page = [1]
    y = [0.0]

    def new_page(first=False):
        if not first:
            ctx.move_to(width / 2 - 20, height - margin / 2)
            ctx.show_text("- %d -" % page[0])
            ctx.show_page()
            page[0] += 1
        ctx.move_to(margin, margin / 2)
        ctx.show_text(header)
        y[0] = margin + size

    new_page(True)
    for line in seed_lines(src):
        if line.strip() == "":
            continue
        rest = line
        while rest:
            # Wrap at the text width, as a typeset page breaks its lines.
            n = len(rest)
            while n > 1 and ctx.text_extents(rest[:n]).x_advance > width - 2 * margin:
                n -= 1
            if y[0] > height - margin:
                new_page()
            ctx.move_to(margin, y[0])
            ctx.show_text(rest[:n])
            rest = rest[n:]
            y[0] += lead
    ctx.move_to(width / 2 - 20, height - margin / 2)
    ctx.show_text("- %d -" % page[0])
    surface.finish()


def main():
    auto_docx("004_6abf08291da1f359.txt", "fixtures/docx/004-auto.docx")
    typed_docx("001_b21dc3fc7ee4c764.txt", "fixtures/docx/001-typed.docx")
    table_docx("fixtures/fresh/soe-table.txt", "fixtures/docx/soe-table.docx")
    gbk_html("003_eb93dc48287bd9ac.txt", "fixtures/html/003-gbk.html")
    pdf("000_2800b427cfbef2a5.txt", "fixtures/pdf/000.pdf")
    return 0


if __name__ == "__main__":
    sys.exit(main())
