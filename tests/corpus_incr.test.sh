#!/usr/bin/env bash
# Incremental corpus runs: after each change to the corpus (a notice added, changed,
# removed, touched) the run that updates the index in place reports, byte for byte, what a
# run with a new cache directory and a run without the cache report, in JSON and SARIF,
# and so do its shards once merged. The changes are chosen to turn fingerprints across the
# boilerplate limits without touching their holders' files: a notice added or removed
# moves the share limit (max_share of the total) across a passage five notices of four
# issuers share, and a fifth issuer taking up a passage four issuers share makes it
# boilerplate for all of them. Other limits in the rule pack recompute everything.
# Usage: corpus_incr.test.sh path/to/noticelint source-dir
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-cincr.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
bad() { echo "corpus_incr: FAIL: $*"; fail=1; }
# A rule pack whose share limit matters in a small corpus: a quarter of the notices.
cp -r "$src/rules" "$tmp/rules"
sed -i 's/max_share: 0.01/max_share: 0.25/' "$tmp/rules/corpus.yml"
grep -q "max_share: 0.25" "$tmp/rules/corpus.yml" || bad "no max_share in rules/corpus.yml"
export NOTICELINT_RULES="$tmp/rules"

. "$src/tests/corpus_lib.sh"
own() { echo "$1对本单位$2项内部制度逐条清理，废止$3项，修订$4项。"; }
pair="对二〇二四年度以来签订的六十二份工程合同逐份核对结算凭证，补齐竣工验收资料九份，对超期未付的四笔质保金下达催办通知"
five="对全县十四个村级集体经济组织的账目逐一开展交叉检查，查出白条入账、大额现金支付等问题十九个，已全部移交乡镇纪委跟踪督办"
four="围绕城乡低保对象动态管理开展入户复核，清退不符合条件人员六十三名，补录应保未保对象二十一户，并建立季度比对机制"
named="溪口镇人民政府牵头对辖区内十一座小型水库逐库开展汛前安全检查，发现渗漏隐患三处，已完成除险加固并通过验收"
r=$tmp/repo
mkdir -p "$r/.git" "$r/n"
cd "$r" || exit 1
notice n/pa.txt 溪口镇 "$named。" "$pair。"
notice n/pb.txt 杨柳镇 "修订合同管理办法。$pair。" "$(own 杨柳镇 31 4 6)"
notice n/pc.txt 枫桥镇 "$(own 枫桥镇 17 2 3)" "$named。"
notice n/g1.txt 桂花乡 "$five。" "$(own 桂花乡 12 1 2)"
notice n/g2.txt 桂花乡 "$(own 桂花乡 40 5 7)" "另外，$five。"
notice n/g3.txt 荷塘乡 "$five。" "$(own 荷塘乡 22 3 4)"
notice n/g4.txt 白云乡 "$(own 白云乡 25 2 5)" "$five。"
notice n/g5.txt 清泉镇 "$five。" "$(own 清泉镇 19 4 1)"
notice n/h1.txt 石桥镇 "$four。" "$(own 石桥镇 33 6 2)"
notice n/h2.txt 梅岭乡 "$(own 梅岭乡 28 3 3)" "$four。"
notice n/h3.txt 竹溪乡 "$four。" "$(own 竹溪乡 15 1 1)"
notice n/h4.txt 松林镇 "$(own 松林镇 21 2 2)" "据统计，$four。"
i=0
for u in 东湖乡 西岭镇 南山乡 北港镇 金沙乡 银杏镇 玉泉乡 青峰镇; do
	i=$((i + 1))
	notice "n/f$i.txt" "$u" "$(own "$u" $((10 + i)) $i $((i + 1)))" "$(own "$u" $((50 + i)) $((i + 2)) $i)"
done
rm n/f8.txt          # 19 notices: five notices are more than a quarter
lint() { "$bin" --today 2025-10-10 --color never -f "$@"; }
cpy() { grep -c '"rule":	"CPY-00' "$1"; }

# step NAME WANT: the in-place run against a new cache and no cache, in both formats;
# WANT findings of CPY-001/CPY-002.
step() {
	for fmt in json sarif; do
		lint "$fmt" --cache-dir "$r/cache" --corpus n n >"$tmp/inc.$fmt" 2>"$tmp/inc.err"
		rm -rf "$tmp/fresh"
		lint "$fmt" --cache-dir "$tmp/fresh" --corpus n n >"$tmp/cold.$fmt" 2>/dev/null
		lint "$fmt" --no-cache --corpus n n >"$tmp/none.$fmt"
		cmp -s "$tmp/inc.$fmt" "$tmp/cold.$fmt" || bad "$1: $fmt: the updated index differs from a new one:
$(diff "$tmp/cold.$fmt" "$tmp/inc.$fmt" | head -20)"
		cmp -s "$tmp/inc.$fmt" "$tmp/none.$fmt" || bad "$1: $fmt: the index differs from no cache"
		[ -s "$tmp/inc.err" ] && bad "$1: stderr: $(cat "$tmp/inc.err")"
	done
	# The index itself: the same document frequencies and passages as a new one.
	index_same "$r/cache/corpus.db" "$tmp/fresh/corpus.db" ||
		bad "$1: the updated index holds other rows than a new one"
	got=$(cpy "$tmp/inc.json")
	[ "$got" = "$2" ] || bad "$1: $got copy findings, want $2"
}
has() { grep -q "\"path\":	\"n/$1\"" "$tmp/inc.json" && python3 - "$tmp/inc.json" "n/$1" <<'PY'
import json, sys
for f in json.load(open(sys.argv[1]))["files"]:
    if f["path"] == sys.argv[2]:
        sys.exit(0 if any(d["rule"].startswith("CPY-") for d in f["diagnostics"]) else 1)
sys.exit(1)
PY
}

# 19 notices: the pair and the named passage are found (4 findings), the four issuers'
# passage too (7: h4's is shorter, so h1, h2, h3 have two each); the five notices' passage
# is boilerplate (5 > 19 / 4).
step "first run" 11
has g3.txt && bad "first run: the passage of five notices is reported"
has h1.txt || bad "first run: the passage of four issuers is not reported"

# A notice added: 20 notices, five no longer more than a quarter; the five notices' files
# did not change, yet their passage is now reported (four issuers: g1 and g2 are one, and
# are not compared; g2's is shorter: 8 findings more).
notice n/f8.txt 青峰镇 "$(own 青峰镇 58 8 9)" "$(own 青峰镇 77 3 8)"
step "a notice added" 19
has g3.txt || bad "added: the five notices' passage did not turn rare"
has g2.txt || bad "added: g2 lost its findings with g3, g4 and g5"

# A fifth issuer takes up the four issuers' passage: boilerplate for all five.
notice n/f1.txt 东湖乡 "$(own 东湖乡 11 1 2)" "$four。"
step "a notice changed" 12
has h1.txt && bad "changed: the passage of five issuers is still reported"

# A notice removed: 19 again, the five notices' passage boilerplate again; the pair's
# other side and the notice that named the removed one's unit lose their findings.
rm n/pa.txt
step "a notice removed" 0
has g3.txt && bad "removed: the five notices' passage is still reported"
has pb.txt && bad "removed: the pair's other side still reports it"

# Touched (new time, same text), then the removed notice back under another name.
touch n/pb.txt
step "a notice touched" 0
notice n/pz.txt 溪口镇 "$named。" "$pair。"
step "a notice added back" 12

# Shards of the warm index merge to the bytes of one run.
for fmt in json sarif; do
	for k in 1 2 3; do
		lint "$fmt" --cache-dir "$r/cache" --corpus n --shard "$k/3" n >"$tmp/sh$k.$fmt"
	done
	"$bin" merge "$tmp/sh2.$fmt" "$tmp/sh3.$fmt" "$tmp/sh1.$fmt" >"$tmp/merged.$fmt"
	cmp -s "$tmp/merged.$fmt" "$tmp/cold.$fmt" || bad "$fmt: merged shards differ from a cold run"
done
# A change between shards' runs is seen by the next shard as by one run.
notice n/h2.txt 梅岭乡 "$(own 梅岭乡 28 3 3)" "$(own 梅岭乡 29 1 4)"
lint json --cache-dir "$r/cache" --corpus n --shard 1/2 n >"$tmp/sh1.json"
lint json --cache-dir "$r/cache" --corpus n --shard 2/2 n >"$tmp/sh2.json"
"$bin" merge "$tmp/sh1.json" "$tmp/sh2.json" >"$tmp/merged.json"
lint json --no-cache --corpus n n >"$tmp/none.json"
cmp -s "$tmp/merged.json" "$tmp/none.json" || bad "shards after a change differ from one run"

# Other limits (the share back to 1%): every passage computed again, as a new index has
# them; the five notices' passage is boilerplate again, the four issuers' one is not.
sed -i 's/max_share: 0.25/max_share: 0.01/' "$tmp/rules/corpus.yml"
step "other limits" 11
has g3.txt && bad "other limits: the five notices' passage is still reported"
has h1.txt || bad "other limits: the four issuers' passage is not reported"

if [ $fail -ne 0 ]; then echo "corpus_incr: FAILED"; exit 1; fi
echo "corpus_incr: every in-place update of the index reports what a new index reports"
