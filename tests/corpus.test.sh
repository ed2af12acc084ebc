#!/usr/bin/env bash
# Cross-notice copies (--corpus): a long passage shared by two issuers' notices is CPY-001
# on both, the other notice's file and line a related location in every format (SARIF
# valid against the schema, shards merged to one run's bytes); one whose line names the other unit
# is CPY-002; notices of one issuer, a passage that many issuers share (boilerplate by
# document frequency) and a short shared phrase stay silent, as do the 30 real notices of
# fixtures/real-dev among themselves. The index is incremental (a changed notice changes
# both sides' findings, cached results or not) and never needed: --no-cache and a deleted
# cache give the same report; the repository config's corpus: key is --corpus.
# Usage: corpus.test.sh path/to/noticelint source-dir
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-corpus.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
bad() { echo "corpus: FAIL: $*"; fail=1; }
export NOTICELINT_RULES="$src/rules"

. "$src/tests/corpus_lib.sh"
long="对二〇二四年以来全部专项资金拨付记录逐笔复核，追回超范围列支资金十二万元，建立专项资金月度对账和季度通报制度，对经办人员开展业务培训两次"
named="黄石镇人民政府对辖区内全部在建项目逐一开展安全生产检查，发现隐患二十三处，已全部督促整改到位，并将检查结果纳入年度目标考核"
own="将本镇二〇二五年巡察整改台账与上一轮台账逐项比对，对反弹回潮的四个问题重新明确责任领导和完成时限，实行一月一调度"
formula="坚持把巡察整改作为重要政治任务，以整改实效检验学习成效，做到问题不查清不放过、整改不到位不放过、群众不满意不放过"
r=$tmp/repo
mkdir -p "$r/.git" "$r/notices" "$r/drafts"
cd "$r" || exit 1
notice notices/a.txt 黄石镇 "$named。" "$long。$own。"
notice notices/b.txt 红岩镇 "修订资金管理办法，明确审批权限。$long。" "开展制度执行情况专项检查，通报问题三个。"
notice notices/c.txt 青松乡 "组织全乡干部学习财经纪律。" "$named。"
notice notices/d.txt 黄石镇 "$own。" "对照问题清单逐项销号。"
for u in 白沙乡 金山镇 柳溪乡 石门镇 桃源乡 龙潭镇; do
	notice "notices/f-$u.txt" "$u" "$formula。" "梳理制度${#u}项，废止过时制度。"
done
notice notices/e.txt 枫林镇 "对专项资金拨付记录逐笔复核。" "建立专项资金月度对账制度。"
cp notices/b.txt drafts/b-copy.txt
lint() { "$bin" --today 2025-10-10 --color never "$@"; }
cpy() { grep -oE '^[^:]+:[0-9]+:[0-9]+: [a-z]+: .*\[CPY-00[12]\]$' "$1" | sed -E 's/:[0-9]+: (warning|error): .*\[(CPY-00[12])\]$/ \1 \2/' | sort; }

lint --corpus notices notices >"$tmp/out" 2>"$tmp/err"
cpy "$tmp/out" >"$tmp/got"
cat >"$tmp/want" <<'EOW'
notices/a.txt:7 warning CPY-001
notices/a.txt:9 warning CPY-001
notices/b.txt:7 warning CPY-001
notices/c.txt:9 error CPY-002
EOW
diff -u "$tmp/want" "$tmp/got" >"$tmp/diff" || bad "findings differ (- want, + got):
$(cat "$tmp/diff")"
[ -s "$tmp/err" ] && bad "stderr: $(cat "$tmp/err")"
grep -qE "^notices/b.txt:7:[0-9]+: note: 红岩镇通报中的相同文字$" "$tmp/out" ||
	bad "no note line at the other file and line"
grep -q "与 notices/d.txt\|^notices/d.txt.*CPY-00" "$tmp/out" && bad "notices of one issuer were compared"
grep -q "另一单位“黄石镇”（见 notices/a.txt 第 7 行）" "$tmp/out" || bad "CPY-002 does not name the other unit"
[ -f .noticelint-cache/corpus.db ] || bad "no corpus.db in .noticelint-cache/"

# The other notice is a related location in every format: its path, line and a column
# where the same text stands; SARIF relative to SRCROOT, valid against the schema.
lint -f json --corpus notices notices >"$tmp/rel.json"
lint -f jsonl --corpus notices notices >"$tmp/rel.jsonl"
lint -f sarif --corpus notices notices >"$tmp/rel.sarif"
lint -f html --corpus notices notices >"$tmp/rel.html"
schema=$src/../shared/schemas/sarif-schema-2.1.0.json
[ -f "$schema" ] || schema=
python3 - "$tmp" "$r" "$schema" <<'PY' || bad "related locations are wrong"
import json, sys
t, root, schema = sys.argv[1], sys.argv[2], sys.argv[3]
def text_at(path, line, col):
    return open(root + "/" + path, encoding="utf-8").read().split("\n")[line - 1][col - 1:]
def here(path, line, col):
    return text_at(path, line, col)
ok = True
def check(cond, what):
    global ok
    if not cond:
        print("  " + what)
        ok = False
seen = 0
for f in json.load(open(t + "/rel.json"))["files"]:
    for d in f["diagnostics"]:
        if not d["rule"].startswith("CPY-"):
            check(all("path" not in r for r in d["related"]), "a same-file note has a path")
            continue
        check(len(d["related"]) >= 1, "%s:%d has no related location" % (f["path"], d["line"]))
        for r in d["related"]:
            seen += 1
            check(list(r) == ["path", "line", "column", "message"], "keys %s" % list(r))
            check(r["path"] != f["path"] and r["path"] in d["message"], "path %s" % r["path"])
            # The same passage starts there as here, give or take the first few characters.
            mine = here(f["path"], d["line"], d["column"])[:12]
            other = text_at(r["path"], r["line"], r["column"])
            check(other.startswith(mine), "%s:%d:%d does not hold %s" % (r["path"], r["line"], r["column"], mine))
check(seen == 4, "%d related locations, want 4" % seen)
lines = [json.loads(l) for l in open(t + "/rel.jsonl")]
rel = [r for l in lines if l["rule"].startswith("CPY-") for r in l["related"]]
check(len(rel) == 4 and all(r["path"].startswith("notices/") for r in rel), "jsonl related %s" % rel)
log = json.load(open(t + "/rel.sarif"))
res = [x for x in log["runs"][0]["results"] if x["ruleId"].startswith("CPY-")]
check(len(res) == 4, "%d CPY results in SARIF" % len(res))
for x in res:
    prim = x["locations"][0]["physicalLocation"]["artifactLocation"]
    for rl in x["relatedLocations"]:
        pl = rl["physicalLocation"]
        check(pl["artifactLocation"].get("uriBaseId") == prim["uriBaseId"] == "SRCROOT", "uriBaseId")
        check(pl["artifactLocation"]["uri"].startswith("notices/") and
              pl["artifactLocation"]["uri"] != prim["uri"], "uri %s" % pl["artifactLocation"])
        check(pl["region"]["startLine"] >= 1 and pl["region"]["startColumn"] >= 1, "region")
        check(rl["message"]["text"].endswith("通报中的相同文字"), "message %s" % rl["message"])
if schema:
    import jsonschema
    errs = list(jsonschema.Draft4Validator(json.load(open(schema))).iter_errors(log))
    for e in errs[:5]:
        print("  schema: %s: %s" % ("/".join(map(str, e.absolute_path)), e.message))
    check(not errs, "SARIF does not follow the schema")
else:
    print("corpus: note: no ../shared/schemas, SARIF schema not checked")
sys.exit(0 if ok else 1)
PY
grep -qE '相关位置: <span class="loc">notices/b.txt:7:[0-9]+</span> 红岩镇通报中的相同文字' "$tmp/rel.html" ||
	bad "the HTML report does not show the other notice's place"

# Sharded runs keep the related locations and merge to the bytes of one run.
for fmt in json sarif; do
	lint -f "$fmt" --corpus notices notices >"$tmp/one.$fmt"
	for i in 1 2 3; do lint -f "$fmt" --corpus notices --shard "$i/3" notices >"$tmp/sh$i.$fmt"; done
	"$bin" merge "$tmp/sh3.$fmt" "$tmp/sh1.$fmt" "$tmp/sh2.$fmt" >"$tmp/merged.$fmt"
	cmp -s "$tmp/one.$fmt" "$tmp/merged.$fmt" || bad "$fmt: merged shards differ from one run"
done
grep -q '"path":	"notices/b.txt"' "$tmp/merged.json" || bad "the merged report lost the related path"

# Same findings warm, without the cache, after deleting it, in every machine format.
for fmt in json sarif; do
	lint -f "$fmt" --corpus notices --no-cache notices >"$tmp/plain.$fmt"
	lint -f "$fmt" --corpus notices notices >"$tmp/warm.$fmt"
	cmp -s "$tmp/plain.$fmt" "$tmp/warm.$fmt" || bad "$fmt: the warm run differs from --no-cache"
done
rm -rf .noticelint-cache
lint -f json --corpus notices notices >"$tmp/again.json"
cmp -s "$tmp/plain.json" "$tmp/again.json" || bad "a deleted cache gave other findings"
grep -q '"related"' "$tmp/plain.json" || bad "json has no related note"

# One changed notice: its copy is gone on both sides, though b's other results are cached.
notice notices/a.txt 黄石镇 "$named。" "对全部专项资金拨付记录进行了复核。$own。"
lint --corpus notices notices >"$tmp/out2"
cpy "$tmp/out2" >"$tmp/got2"
printf 'notices/a.txt:7 warning CPY-001\nnotices/c.txt:9 error CPY-002\n' >"$tmp/want2"
diff -u "$tmp/want2" "$tmp/got2" >"$tmp/diff" || bad "after a change (- want, + got):
$(cat "$tmp/diff")"
lint --corpus notices --no-cache notices >"$tmp/out3"
cmp -s "$tmp/out2" "$tmp/out3" || bad "the updated index differs from a fresh one"
rm notices/c.txt
lint --corpus notices notices >"$tmp/out4"
grep -q "CPY-00" "$tmp/out4" && bad "a removed notice still shares passages"

# Without a corpus nothing is compared; an input outside the corpus gets nothing either.
notice notices/c.txt 青松乡 "组织全乡干部学习财经纪律。" "$named。"
lint notices >"$tmp/none"
grep -q "CPY-00" "$tmp/none" && bad "CPY findings without --corpus"
lint --corpus notices drafts >"$tmp/drafts"
grep -q "CPY-00" "$tmp/drafts" && bad "an input outside the corpus got CPY findings"

# The root config's corpus: key.
printf 'corpus: notices\n' >.noticelint.yml
lint notices >"$tmp/cfg"
lint --corpus notices notices >"$tmp/opt"
cmp -s "$tmp/cfg" "$tmp/opt" || bad "corpus: in the config differs from --corpus"
grep -q "CPY-002" "$tmp/cfg" || bad "corpus: in the config found nothing"
rm .noticelint.yml
lint -d CPY-001 -d CPY-002 --corpus notices notices >"$tmp/off"
grep -q "CPY-00" "$tmp/off" && bad "disabled rules still report"

# Fresh passages: one of 53 characters (under the 69 that 50-character windows needed) is
# found; one naming the other notice's unit inside it is CPY-002 on the copier's side and
# CPY-001 on the side of that unit's own notice; a unit named on the copier's line but
# outside the shared text is no CPY-002; 44 shared characters are not enough; the standard
# sentence followed by one county's name, shared by two offices of that county, is silent.
r2=$tmp/repo2
mkdir -p "$r2/.git" "$r2/n"
cd "$r2" || exit 1
p53="对二〇二三年度以来签订的四十七份采购合同逐份核对履约凭证，补齐验收记录十一份，对超期未结算的三笔款项下达催办函"
pmid="会同白鹭县审计局对下属单位的往来账款开展全面清理，核销长期挂账款项六笔，涉及金额三十八万元，相关凭证已归档备查"
pout="对机关食堂近两年的采购票据和出入库登记逐月比对，查出账实不符问题五项，已责令经办人员说明情况并补记台账，整改结果在全局通报"
p44="将八个重点项目的资金拨付进度与合同约定逐一对照，督促两家施工单位限期补交进度报告和结算资料"
notice n/src1.txt 白鹭县审计局 "$p53。" "$pmid。"
notice n/cop1.txt 青岗县统计局 "经核查，$p53。" "同时，$pmid。"
notice n/src2.txt 松溪县财政局 "$pout。" "$p44。"
notice n/cop2.txt 柏树县民政局 "按照松溪县财政局的提醒另行制定方案。$pout。" "另查明，$p44。"
notice n/f1.txt 白鹭县水利局 "$formula。白鹭县水利局在八月修订了河道巡查办法。" "清理过时制度三项。"
notice n/f2.txt 白鹭县教育局 "$formula。白鹭县教育局对全县中小学食堂开展了检查。" "清理过时制度五项。"
for u in 金溪县林业局 石岭县档案馆 南平县商务局 东山县审计局; do
	notice "n/f-$u.txt" "$u" "$formula。" "梳理制度${#u}项，废止过时制度。"
done
lint --corpus n n >"$tmp/fresh" 2>&1
cpy "$tmp/fresh" >"$tmp/got"
cat >"$tmp/want" <<'EOW'
n/cop1.txt:7 warning CPY-001
n/cop1.txt:9 error CPY-002
n/cop2.txt:7 warning CPY-001
n/src1.txt:7 warning CPY-001
n/src1.txt:9 warning CPY-001
n/src2.txt:7 warning CPY-001
EOW
diff -u "$tmp/want" "$tmp/got" >"$tmp/diff" || bad "fresh passages (- want, + got):
$(cat "$tmp/diff")"
grep -q "一段 53 字的文字与另一单位的通报 n/src1.txt 第 7 行相同" "$tmp/fresh" ||
	bad "the 53-character passage is not reported whole"
grep -qE "^n/cop1.txt:9:9: error: .*“白鹭县审计局”" "$tmp/fresh" ||
	bad "CPY-002 does not start where the shared text does"
lint -f json --corpus n --no-cache n >"$tmp/fresh-plain.json"
lint -f json --corpus n n >"$tmp/fresh-warm.json"
cmp -s "$tmp/fresh-plain.json" "$tmp/fresh-warm.json" || bad "fresh: the index differs from --no-cache"
cd "$r" || exit 1

# Real notices of thirty issuers share no passage that is not boilerplate.
lint --corpus "$src/fixtures/real-dev" --no-cache -j 2 "$src/fixtures/real-dev" >"$tmp/real" 2>&1
grep "CPY-00" "$tmp/real" && bad "real-dev notices report copies"

if [ $fail -ne 0 ]; then echo "corpus: FAILED"; exit 1; fi
echo "corpus: copies across notices found, boilerplate and one issuer's notices left alone"
