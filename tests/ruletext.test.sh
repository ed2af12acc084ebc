#!/usr/bin/env bash
# Rule text for readers: every rule of the default pack has a Chinese and an English
# description, shown in the chosen language by --explain, --list-rules, SARIF and HTML; no
# reader-facing rule text (descriptions, sources, messages, fixes, examples, rule pages)
# cites a sample file; a pack may still give a plain string, read as both languages; rule
# ids are found whatever their case in --explain, --disable, --level and the config; the
# Chinese messages of real findings hold no English words; every example of the default pack
# passes (--check-rules).
# Usage: ruletext.test.sh path/to/noticelint source-dir
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-ruletext.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export NOTICELINT_RULES="$src/rules"
unset NO_COLOR COLUMNS
bad() { echo "ruletext: FAIL: $*"; fail=1; }
cd "$tmp" || exit 1

# Every flag example of the default pack is reported and no pass example is.
"$bin" --check-rules >examples.out 2>&1 ||
	bad "examples of the default pack fail: $(grep 'error:' examples.out | head -3)"

# The reader-facing text of every rule: its pages as --rule-docs writes them (both
# languages: description, source, messages, fix, examples), and --explain of a sample of
# rules in both languages.
mkdir pages && "$bin" --rule-docs pages || bad "--rule-docs failed"
for id in PUN-002 GEN-009 LEX-001 TXT-003.1 STR-001; do
	"$bin" --explain "$id" >"zh.$id"
	"$bin" --explain "$id" --lang en >"en.$id"
done

# A sample file is cited by its number (000 … 004 as a word of its own, not part of a rule
# id or a figure; 000 … 029 as the subject of an English sentence or with 's), by a line of
# it (L16), by its file name, or as a seed or sample.
cite='seed|sample (file|notice)|样本文件|种子文件|(?<![\w.\-])00[0-4](?![\d])|(?<![\w.\-])0[0-2][0-9](?= (?:runs|has|gives|uses|writes|puts|closes|opens|leaves|lacks|ends|numbers|repeats|carries|says|names|keeps|starts|is)\b|['"'"'’]s\b)|\bL[0-9]{1,3}\b|[0-9]{3}_[0-9a-f]{16}|real-dev|fixtures/|domain\.md'
grep -HnP "$cite" zh.* en.* pages/*.md | grep -vP '^[^:]+:[0-9]+:  (定义位置：|defined at: )' >cites
[ -s cites ] && bad "rule text cites sample files:
$(head -10 cites)"
# The check can fail: a description citing a sample is caught.
printf '  说明：见 003 L51\n' | grep -qP "$cite" || bad "the citation pattern misses 003 L51"
printf '  description: 025 runs its part unheaded\n' | grep -qP "$cite" || bad "the citation pattern misses 025 runs"
printf '  description: area codes 010 and 020 take 8 digits\n' | grep -qP "$cite" && bad "the citation pattern takes area codes"

python3 - <<'EOF' || bad "descriptions per language"
import glob, os, re
han = re.compile(r"[\u4e00-\u9fff]")
latin = re.compile(r"[A-Za-z]")
errors = []
pages = sorted(glob.glob("pages/*.md"))
for path in pages:
    rid = os.path.basename(path)[:-3]
    if rid == "README":
        continue
    page = open(path, encoding="utf-8").read()
    m = re.search(r"^## 说明 What it finds and why\n\n(.*?)\n\n(?:(.*?)\n\n)?## ", page, re.S | re.M)
    zh, en = (m.group(1), m.group(2)) if m else ("", None)
    if not zh or not en:
        errors.append("%s: the page lacks the description in one language" % rid)
    elif len(han.findall(zh)) < len(latin.findall(zh)):
        errors.append("%s: the Chinese description reads as English: %s" % (rid, zh[:60]))
    elif len(latin.findall(en)) < len(han.findall(en)):
        errors.append("%s: the English description reads as Chinese: %s" % (rid, en[:60]))
for path in glob.glob("zh.*"):
    rid = path[3:]
    zh = re.search(r"^  说明：(.*)$", open(path, encoding="utf-8").read(), re.M)
    en = re.search(r"^  description: (.*)$", open("en." + rid, encoding="utf-8").read(), re.M)
    page = open("pages/%s.md" % rid, encoding="utf-8").read()
    if not zh or not en or zh.group(1) == en.group(1):
        errors.append("%s: --explain does not give a description per language" % rid)
    elif zh.group(1) not in page or en.group(1) not in page:
        errors.append("%s: --explain and the rule page disagree" % rid)
    check = re.search(r"^  检查类型：\S+ — (.*)$", open(path, encoding="utf-8").read(), re.M)
    if not check or len(han.findall(check.group(1))) < len(latin.findall(check.group(1))):
        errors.append("%s: the Chinese --explain gives the check type in English" % rid)
if len(pages) < 50:
    errors.append("only %d rule pages" % len(pages))
if errors:
    print("\n".join(errors[:15]))
    raise SystemExit(1)
EOF

# --list-rules gives each description's first sentence in the chosen language.
"$bin" --list-rules | grep '^PUN-003 ' | grep -q '不用顿号' || bad "--list-rules is not in Chinese"
"$bin" --list-rules --lang en | grep '^PUN-003 ' | grep -q 'need no 顿号' ||
	bad "--list-rules --lang en is not in English"
"$bin" --list-rules | grep '^PUN-003 ' | grep -q '顿号是正确的' &&
	bad "--list-rules gives more than the first sentence"

# SARIF and HTML follow --lang.
printf '关于巡察整改进展情况的通报\n制定了《甲方案》、《乙办法》。\n' >n.txt
for lang in zh en; do
	"$bin" --lang "$lang" --format sarif n.txt >"$lang.sarif" 2>/dev/null
	"$bin" --lang "$lang" --format html n.txt >"$lang.html" 2>/dev/null
done
python3 - <<'EOF' || bad "SARIF rule text per language"
import json
want = {"zh": "并列的书名号之间", "en": "Titles in 书名号"}
for lang, start in want.items():
    rules = json.load(open(lang + ".sarif", encoding="utf-8"))["runs"][0]["tool"]["driver"]["rules"]
    r = next(r for r in rules if r["id"] == "PUN-003")
    for key in ("fullDescription", "shortDescription", "help"):
        if not r[key]["text"].startswith(start):
            raise SystemExit("%s %s: %r" % (lang, key, r[key]["text"][:50]))
    label = "依据：" if lang == "zh" else "Source: "
    if label not in r["help"]["text"]:
        raise SystemExit("%s help has no %r" % (lang, label))
EOF
grep -q 'href="[^"]*doc/rules/PUN-003.md" title="并列的书名号之间' zh.html ||
	bad "html: PUN-003 is not linked with its Chinese description"
grep -q 'href="[^"]*doc/rules/PUN-003.md" title="Titles in 书名号' en.html ||
	bad "html --lang en: PUN-003 is not linked with its English description"

# A third-party pack may give description and source as plain strings (both languages);
# a description of another type is refused with a message naming the key.
cat >pack.yml <<'EOF'
pack: third
description: 第三方规则
rules:
  - id: T-001
    check: existence
    level: info
    message: {zh: "“{match}”", en: "'{match}'"}
    description: Plain text in one language.
    source: 某规范
    pattern: "测试词"
    examples: {flag: ["测试词"], pass: ["别的词"]}
EOF
"$bin" --no-default-rules -r pack.yml --explain t-001 | grep -qx '  说明：Plain text in one language.' ||
	bad "a plain-string description is not shown in Chinese mode"
"$bin" --no-default-rules -r pack.yml --explain T-001 --lang en | grep -qx '  source: 某规范' ||
	bad "a plain-string source is not shown in English mode"
sed 's/^    description: .*/    description: [a, b]/' pack.yml >wrong.yml
"$bin" --no-default-rules -r wrong.yml --list-rules >/dev/null 2>err
[ $? = 2 ] && grep -q 'description' err && grep -q '{zh, en}' err ||
	bad "a list as description was not refused clearly: $(cat err)"
sed 's/^    description: .*/    description: {zh: 只有中文}/' pack.yml >half.yml
"$bin" --no-default-rules -r half.yml --list-rules >/dev/null 2>err
[ $? = 2 ] && grep -q '"en"\|“en”\|en' err || bad "a description map without en loaded: $(cat err)"

# Rule ids whatever their case: --explain, --disable, --level, the config.
printf '关于巡察整改进展情况的通报\n开展《全县卫生健康工作推进会》。\n' >m.txt
"$bin" --explain pun-006 | head -1 | grep -qx 'PUN-006' || bad "--explain pun-006 did not find PUN-006"
"$bin" --format jsonl m.txt 2>/dev/null | grep -q '"rule":"PUN-006"' || bad "PUN-006 does not fire on m.txt"
"$bin" --format jsonl --disable pun-006 m.txt 2>err | grep -q '"rule":"PUN-006"' &&
	bad "--disable pun-006 did not disable PUN-006"
[ -s err ] && bad "--disable pun-006 wrote: $(cat err)"
"$bin" --format jsonl --level pun-006=error m.txt 2>err | grep '"rule":"PUN-006"' |
	grep -q '"level":"error"' || bad "--level pun-006=error did not apply: $(cat err)"
mkdir proj && cp m.txt proj/
printf 'disable: [pun-006]\n' >proj/.noticelint.yml
(cd proj && "$bin" --format jsonl m.txt 2>"$tmp/err") | grep -q '"rule":"PUN-006"' &&
	bad "config disable: [pun-006] did not disable PUN-006"
[ -s err ] && bad "config with pun-006 wrote: $(cat err)"
printf 'levels: {pun-006: error}\n' >proj/.noticelint.yml
(cd proj && "$bin" --format jsonl m.txt 2>"$tmp/err") | grep '"rule":"PUN-006"' |
	grep -q '"level":"error"' || bad "config levels: {pun-006: error} did not apply: $(cat err)"
# --level on the command line wins over the config, whatever the case of either id.
printf 'levels: {PUN-006: error}\n' >proj/.noticelint.yml
(cd proj && "$bin" --format jsonl --level pun-006=info m.txt 2>"$tmp/err") | grep '"rule":"PUN-006"' |
	grep -q '"level":"info"' || bad "--level pun-006=info did not win over the config's PUN-006"
printf 'disable: [pun-999]\n' >proj/.noticelint.yml
(cd proj && "$bin" m.txt >/dev/null 2>"$tmp/err")
[ $? = 2 ] && grep -q 'pun-999' err || bad "config with an unknown id was accepted: $(cat err)"

# Chinese messages are Chinese: in the findings of the seeds and the real and fresh notices
# no English word is left once quoted notice text, addresses and rule ids are taken out
# (no "done = 3", "part", "whole" in a Chinese note); top-level domain labels (com, gov) are
# names, not words.
"$bin" --today 2026-11-23 --format jsonl "$src"/fixtures/seeds/*.txt "$src"/fixtures/real-dev/*.txt \
	"$src"/fixtures/fresh/*.txt 2>/dev/null >findings.jsonl
python3 - <<'EOF' || bad "English words in Chinese messages"
import json, re
words, n = set(), 0
for line in open("findings.jsonl", encoding="utf-8"):
    if not line.startswith("{"):
        continue
    d = json.loads(line)
    for m in [d.get("message", "")] + [r.get("message", "") for r in d.get("related", [])]:
        n += 1
        t = re.sub(r"“[^”]*”|‘[^’]*’|'[^']*'|《[^》]*》", "", m)
        t = re.sub(r"\S+@\S+|https?://\S+|www\.\S+|\w+\.(?:com|cn|net|org)\b|[A-Z]+-\d+(?:\.\d+)?|--[a-z-]+|(?<![A-Za-z])(?:com|net|org|gov|edu)(?![A-Za-z])", "", t)
        words |= {w for w in re.findall(r"[A-Za-z]{3,}", t) if w != "Markdown"}
if n < 200:
    raise SystemExit("only %d messages" % n)
if words:
    raise SystemExit("English in Chinese messages: %s" % sorted(words)[:20])
EOF

if [ $fail -ne 0 ]; then echo "ruletext: FAILED"; exit 1; fi
echo "ruletext: descriptions in both languages, no sample citations, ids in any case"
