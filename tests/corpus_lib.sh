# Helpers of the corpus tests (sourced by corpus*.test.sh): short notices and a comparison
# of two corpus indexes.

# notice FILE UNIT MEASURE1 MEASURE2: a short notice of UNIT with two problem items.
notice() {
	cat >"$1" <<EON
中共$2党组关于县委巡察组巡察反馈意见整改进展情况的通报

根据县委统一部署，2025年4月至5月，县委巡察组对$2党组开展了常规巡察，2025年6月反馈了巡察意见。现将整改进展情况予以公布。

一、巡察反馈问题整改落实情况
1.关于专项资金管理不规范的问题
整改情况：$3
2.关于制度执行不到位的问题
整改情况：$4

欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。联系电话：0736-7221456。

中共$2党组
2025年9月30日
EON
}

# index_same A B: the corpus indexes A and B hold the same notices, document frequencies
# and passages (row ids aside); prints the first differences when not.
index_same() {
	python3 - "$1" "$2" <<'PY'
import sqlite3, sys
def dump(path):
    db = sqlite3.connect(path)
    return (sorted(db.execute("select h, nd, nr from df")),
            sorted(db.execute("select a.rel, b.rel, start, end, chars, oline, ocol from hits "
                              "join docs a on a.id = hits.doc join docs b on b.id = hits.other")),
            sorted(db.execute("select rel, issuer from docs")))
one, two = dump(sys.argv[1]), dump(sys.argv[2])
for name, x, y in zip(("df", "hits", "docs"), one, two):
    if x != y:
        print("  %s: %d rows against %d; first differences: %s" % (name, len(x), len(y),
              sorted(set(x) ^ set(y))[:4]))
sys.exit(0 if one == two else 1)
PY
}
