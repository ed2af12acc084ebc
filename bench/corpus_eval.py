#!/usr/bin/env python3
"""Precision and recall of the cross-notice copy rules on a generated repository.

Reads planted.tsv (bench/gen_repo.py) and a `--format json` report of a --corpus run.
A planted copy is found when the copier's line has a CPY finding naming the source file
(and, for the rule, CPY-002 when the passage names the source's unit, else CPY-001); the
source's line should have one naming the copier. A finding is true when it is one of
these two sides of a planted copy. Prints recall overall and by passage length.
Usage: bench/corpus_eval.py planted.tsv report.json
"""
import json
import re
import sys

OTHER = re.compile(r"notices/[0-9]+\.txt")


def main():
    planted = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")]
    report = json.load(open(sys.argv[2], encoding="utf-8"))
    found = {}
    total = 0
    for f in report["files"]:
        for d in f["diagnostics"]:
            if not d["rule"].startswith("CPY-"):
                continue
            total += 1
            for other in set(OTHER.findall(d["message"]) +
                             [r["path"] for r in d["related"] if "path" in r]):
                found.setdefault((f["path"], d["line"], other), set()).add(d["rule"])
    true = set()
    hit = rule_ok = src_hit = 0
    by_len = {}
    for c, cl, s, sl, n, names in planted:
        key, back = (c, int(cl), s), (s, int(sl), c)
        bucket = min(int(n) // 25 * 25, 150)
        ok = key in found
        b = by_len.setdefault(bucket, [0, 0])
        b[0] += ok
        b[1] += 1
        if ok:
            hit += 1
            true.add(key)
            want = "CPY-002" if names == "1" else "CPY-001"
            rule_ok += want in found[key]
        if back in found:
            src_hit += 1
            true.add(back)
    findings = len(found)
    print("planted copies: %d" % len(planted))
    print("recall (copier side): %d/%d = %.3f" % (hit, len(planted), hit / max(1, len(planted))))
    print("recall (source side): %d/%d = %.3f" % (src_hit, len(planted), src_hit / max(1, len(planted))))
    print("rule right (CPY-002 iff the passage names the source unit): %d/%d" % (rule_ok, hit))
    print("precision: %d/%d = %.3f (diagnostics: %d)" % (len(true), findings,
          len(true) / max(1, findings), total))
    for k in sorted(by_len):
        print("  length %3d-%3d: %d/%d" % (k, k + 24, by_len[k][0], by_len[k][1]))


if __name__ == "__main__":
    main()
