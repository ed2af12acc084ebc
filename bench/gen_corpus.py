#!/usr/bin/env python3
"""Generates the benchmark corpus from the seed notices, deterministically.

Writes into OUT (default build-bench/corpus, ignored by git):
  notices/NNNNN.txt  N notices (default 2000, about 65 MB): each starts from a seed, is
                     trimmed or padded with paragraphs from other seeds to a size spread
                     around 32 KB, and has its Arabic numbers redrawn;
  size/            single notices of 100 KB, 1 MB and 10 MB (time against file size);
  items/           notices with 2,000 and 20,000 problem items (time against item count).
With --scale, also scale/: notices with 2,000, 20,000 and 200,000 short problem items and
notices with about 1,000, 10,000 and 100,000 findings (the scaling benchmark,
bench/scale.sh). With --clean BIN, clean/NNNNN.txt instead of notices/: whole notices with
few findings, each a seed with the lines BIN (a noticelint binary) flags for a wrong word,
mark or garbage removed, without
padding or redrawn numbers (those would make duplicates and sums that no longer add up).
Usage: bench/gen_corpus.py [--files N] [--out DIR] [--scale] [--clean BIN]
"""
import argparse
import json
import os
import random
import re
import subprocess
import tempfile

SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(SRC, "fixtures", "seeds")
HEADING = re.compile(r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|[0-9]+[.．、]|问题|整改)")
NUMBER = re.compile(r"[0-9]+")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def load_seeds():
    seeds = []
    for name in sorted(os.listdir(SEEDS)):
        if name.endswith(".txt"):
            with open(os.path.join(SEEDS, name), encoding="utf-8") as f:
                seeds.append(f.read().splitlines())
    return seeds


def body_pool(seeds):
    """Long plain paragraphs (no heading or item marker) from every seed."""
    return [l for s in seeds for l in s[3:] if len(l) > 40 and not HEADING.match(l)]


def item_pool(seeds):
    """Every (问题, 整改结果, 整改情况) triple of consecutive lines in the seeds."""
    out = []
    for s in seeds:
        for i in range(len(s) - 2):
            if (s[i].startswith("问题") and s[i + 1].startswith("整改结果")
                    and s[i + 2].startswith("整改情况")):
                out.append((s[i].split("：", 1)[-1], s[i + 1], s[i + 2]))
    return out


def redraw_numbers(text, rng):
    """Replaces each Arabic number by another of the same digit count (years stay years)."""
    def sub(m):
        s = m.group(0)
        if len(s) == 4 and s.startswith("20"):
            return str(rng.randint(2018, 2025))
        if len(s) == 1:
            return str(rng.randint(1, 9))
        return str(rng.randint(10 ** (len(s) - 1), 10 ** len(s) - 1))
    return NUMBER.sub(sub, text)


def notice(seeds, pool, rng, target):
    """One notice of about TARGET bytes from a random seed."""
    lines = list(rng.choice(seeds))
    size = sum(len(l.encode()) + 1 for l in lines)
    while size > target and len(lines) > 12:
        size -= len(lines.pop().encode()) + 1
    while size < target:
        p = rng.choice(pool)
        lines.insert(rng.randint(3, len(lines)), p)
        size += len(p.encode()) + 1
    return redraw_numbers("\n".join(lines) + "\n", rng)


def big_notice(seeds, pool, rng, target):
    """A single notice of TARGET bytes: seed 004's opening, then numbered sections."""
    head = seeds[-1][:8]
    out = list(head)
    size = sum(len(l.encode()) + 1 for l in out)
    sec = 0
    while size < target:
        sec += 1
        line = "%d.落实整改任务第%d项有差距。" % (sec, sec)
        out.append(line)
        size += len(line.encode()) + 1
        for _ in range(8):
            p = rng.choice(pool)
            out.append(p)
            size += len(p.encode()) + 1
    return redraw_numbers("\n".join(out) + "\n", rng)


def items_notice(seeds, items, rng, n):
    """A notice with N problem items, ten per numbered problem."""
    out = list(seeds[-1][:9])
    for i in range(n):
        if i % 10 == 0:
            out.append("%d.整改任务第%d组落实有差距。" % (i // 10 + 1, i // 10 + 1))
        q, res, how = rng.choice(items)
        out.append("问题%s：%s" % (CIRCLED[i % 10], q))
        out.append(res)
        out.append(how)
    return redraw_numbers("\n".join(out) + "\n", rng)


def short_items_notice(seeds, rng, n):
    """A notice with N short problem items (about 90 bytes each), ten per numbered problem."""
    out = list(seeds[-1][:9])
    for i in range(n):
        if i % 10 == 0:
            out.append("%d.整改任务第%d组落实有差距。" % (i // 10 + 1, i // 10 + 1))
        out.append("问题%s：台账第%d项不完整。" % (CIRCLED[i % 10], i + 1))
        out.append("整改结果：已完成。")
        out.append("整改情况：已补齐台账。")
    return "\n".join(out) + "\n"


def findings_notice(seeds, n):
    """A notice of about N findings: seed 004's opening, then N lines that each draw one
    (half-width commas in Chinese text)."""
    out = list(seeds[-1][:9])
    for i in range(n):
        out.append("第%d项整改措施已落实,相关台账已补齐,并建立长效机制。" % (i + 1))
    return "\n".join(out) + "\n"


# Rule families whose findings belong to the line they are on (a wrong word, a stray mark,
# garbage): removing that line removes the defect. Structure, counts and dates are left
# alone: removing a line there breaks the numbering or the sums of the lines around it.
LINE_FAMILIES = ("ART-", "FMT-", "LEX-", "POL-", "PUN-", "TERM-", "TXT-")


def flagged_lines(binary, text):
    """The 1-based line numbers BIN reports a line-local finding (LINE_FAMILIES) of one or
    two lines on, linting TEXT as one file."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write(text)
        path = f.name
    try:
        r = subprocess.run([binary, "--format", "json", "--today", "2025-12-31", path],
                           capture_output=True, text=True, check=False)
    finally:
        os.unlink(path)
    lines = set()
    for fr in json.loads(r.stdout)["files"]:
        for d in fr["diagnostics"]:
            if (d["rule"].startswith(LINE_FAMILIES)
                    and d.get("end_line", d["line"]) - d["line"] <= 1):
                lines.add(d["line"])
    return lines


def clean_seed(binary, lines):
    """The seed less every line BIN flags (the first three lines, title and issuer, are
    kept), repeated while that removes something, at most three times."""
    for _ in range(3):
        flagged = {n for n in flagged_lines(binary, "\n".join(lines) + "\n") if n > 3}
        if not flagged:
            break
        lines = [l for i, l in enumerate(lines, 1) if i not in flagged]
    return lines


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--out", default=os.path.join(SRC, "build-bench", "corpus"))
    ap.add_argument("--scale", action="store_true")
    ap.add_argument("--clean", metavar="BIN")
    a = ap.parse_args()
    seeds = load_seeds()
    if a.clean:
        clean = ["\n".join(clean_seed(a.clean, s)) + "\n" for s in seeds]
        for i in range(a.files):
            write(os.path.join(a.out, "clean", "%05d.txt" % i), clean[i % len(clean)])
        return
    if a.scale:
        for n in (2000, 20000, 200000):
            write(os.path.join(a.out, "scale", "items-%d.txt" % n),
                  short_items_notice(seeds, random.Random(n), n))
        for n in (1000, 10000, 100000):
            write(os.path.join(a.out, "scale", "findings-%d.txt" % n), findings_notice(seeds, n))
        return
    pool = body_pool(seeds)
    items = item_pool(seeds)
    for i in range(a.files):
        rng = random.Random(20250000 + i)
        target = rng.randint(6000, 59000)
        write(os.path.join(a.out, "notices", "%05d.txt" % i), notice(seeds, pool, rng, target))
    for name, size in (("100k", 100_000), ("1m", 1_000_000), ("10m", 10_000_000)):
        rng = random.Random(size)
        write(os.path.join(a.out, "size", name + ".txt"), big_notice(seeds, pool, rng, size))
    for n in (2000, 20000):
        rng = random.Random(n)
        write(os.path.join(a.out, "items", "%d.txt" % n), items_notice(seeds, items, rng, n))


if __name__ == "__main__":
    main()
