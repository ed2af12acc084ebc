#!/usr/bin/env bash
# --fix and --fix-dry-run on copies of the seed notices and on files of every encoding:
# the dry run prints a diff that patch applies to give exactly what --fix writes and changes
# nothing itself; --fix leaves none of the fixed findings and adds none; a second run fixes
# nothing (idempotent); encoding, BOM, CRLF and mode are kept; what cannot be written back
# exactly (invalid bytes, mixed line ends) or is no .txt/.md file is left alone with exit 2;
# a wrong fix example fails --check-rules.
# Usage: fix.test.sh path/to/noticelint source-dir
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-fix.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export NOTICELINT_RULES="$src/rules"
unset NO_COLOR COLUMNS
bad() { echo "fix: FAIL: $*"; fail=1; }
nl() { "$bin" --today 2026-11-23 "$@"; }

mkdir -p "$tmp/seeds" "$tmp/patched"
cp "$src"/fixtures/seeds/*.txt "$tmp/seeds/"
cp "$src"/fixtures/seeds/*.txt "$tmp/patched/"
cd "$tmp/seeds" || exit 1
names=(*.txt)
nl --format json "${names[@]}" >"$tmp/before.json" 2>/dev/null

# The dry run: a diff, exit 1, nothing changed.
nl --fix-dry-run "${names[@]}" >"$tmp/diff" 2>"$tmp/err"
[ $? = 1 ] || bad "--fix-dry-run with fixes to make did not exit 1"
[ -s "$tmp/err" ] && bad "--fix-dry-run wrote to stderr: $(head -c 300 "$tmp/err")"
grep -q '^+++ b/001_b21dc3fc7ee4c764.txt$' "$tmp/diff" || bad "no diff for seed 001"
for f in "${names[@]}"; do
	cmp -s "$f" "$src/fixtures/seeds/$f" || bad "--fix-dry-run changed $f"
done

# --fix: reports what remains (exit 1: the seeds keep other findings) and says what it did.
nl --fix --format json "${names[@]}" >"$tmp/after.json" 2>"$tmp/err"
[ $? = 1 ] || bad "--fix on the seeds did not exit 1"
grep -q '001_b21dc3fc7ee4c764.txt：已修正 [0-9]* 处' "$tmp/err" || bad "--fix did not say what it fixed: $(cat "$tmp/err")"
(cd "$tmp/patched" && patch -s -p1 <"$tmp/diff") || bad "patch could not apply the dry-run diff"
for f in "${names[@]}"; do
	cmp -s "$f" "$tmp/patched/$f" || bad "$f: --fix and the patched dry-run diff differ"
done
cmp -s "$tmp/after.json" <(nl --format json "${names[@]}" 2>/dev/null) ||
	bad "the report after --fix is not the lint of the fixed files"

python3 - "$tmp/before.json" "$tmp/after.json" <<'EOF' || bad "findings after --fix"
import json, sys
def load(p):
    return {(f["path"], d["rule"], d["line"], d["column"])
            for f in json.load(open(p, encoding="utf-8"))["files"] for d in f["diagnostics"]}
before, after = load(sys.argv[1]), load(sys.argv[2])
errors = []
new = after - before
if new:
    errors.append("new findings after --fix: %s" % sorted(new)[:5])
left = sorted(k for k in after if k[1] in ("NUM-004", "PUN-011"))
# The quotation closed with an opening mark in one seed (“日常监管+定期督查+随机抽查“) is
# a PUN-002 finding its fix takes; the seeds' other PUN-002 findings are left to a person.
fixed_pairs = {k for k in before - after if k[1] == "PUN-002"}
if not any(k[0].startswith("000_") for k in fixed_pairs):
    errors.append("PUN-002's reversed quotation in 000 was not fixed")
if left:
    errors.append("fixed findings remain: %s" % left[:5])
gone = {k[1] for k in before - after}
for rule in ("PUN-001", "NUM-004"):
    if rule not in gone:
        errors.append("%s was not fixed anywhere in the seeds" % rule)
pun = [k for k in after if k[1] == "PUN-001"]
if len(pun) * 4 > len([k for k in before if k[1] == "PUN-001"]):
    errors.append("most PUN-001 findings remain: %d" % len(pun))
if errors:
    print("\n".join(errors))
    sys.exit(1)
EOF
# What remains of PUN-001 is brackets only (left alone when not both halves offend or when
# they hold no Chinese text).
nl --format jsonl "${names[@]}" 2>/dev/null | grep '"rule":"PUN-001"' | grep -v '（[()]\( [()]\)\?）' |
	head -3 | grep . && bad "PUN-001 findings other than brackets remain after --fix"

# Idempotent: a second dry run finds nothing (exit 0), a second --fix changes no byte.
md5sum "${names[@]}" >"$tmp/sums"
nl --fix-dry-run "${names[@]}" >"$tmp/diff2" 2>/dev/null
[ $? = 0 ] || bad "a second --fix-dry-run did not exit 0"
[ -s "$tmp/diff2" ] && bad "a second --fix-dry-run printed a diff: $(head -5 "$tmp/diff2")"
nl --fix -q "${names[@]}" >/dev/null 2>&1
md5sum -c --quiet "$tmp/sums" || bad "a second --fix changed the files"

# Encodings, BOM, line ends and mode are kept; fresh phrasing.
cd "$tmp" || exit 1
line='各单位要高度重视,截止2025年6月底完成"回头看"工作。'
want='各单位要高度重视，截至2025年6月底完成“回头看”工作。'
printf '\xEF\xBB\xBF%s\r\n第二行(已完成)。\r\n' "$line" >bom-crlf.txt
printf '\xEF\xBB\xBF%s\r\n第二行（已完成）。\r\n' "$want" >bom-crlf.want
printf '%s\n' "$line" | iconv -f UTF-8 -t GB18030 >gb.txt
printf '%s\n' "$want" | iconv -f UTF-8 -t GB18030 >gb.want
{ printf '\xFF\xFE'; printf '%s\r\n' "$line" | iconv -f UTF-8 -t UTF-16LE; } >u16.txt
{ printf '\xFF\xFE'; printf '%s\r\n' "$want" | iconv -f UTF-8 -t UTF-16LE; } >u16.want
printf '# 整改情况\n\n%s\n' "$line" >notice.md
printf '# 整改情况\n\n%s\n' "$want" >notice.want
chmod 640 gb.txt
nl --fix -q bom-crlf.txt gb.txt u16.txt notice.md >/dev/null 2>"$tmp/err"
for f in bom-crlf gb u16; do
	cmp -s "$f.txt" "$f.want" || bad "$f.txt not fixed in its own encoding and line ends: $(od -c "$f.txt" | head -3)"
done
cmp -s notice.md notice.want || bad "notice.md not fixed"
[ "$(stat -c %a gb.txt)" = 640 ] || bad "--fix changed the mode of gb.txt to $(stat -c %a gb.txt)"

# Left alone, exit 2, the other files still fixed: invalid bytes, mixed line ends, a file
# that is no .txt or .md.
printf '整改情况,已完成\xFF。\n' >invalid.txt
printf '整改情况,已完成。\r\n第二行,完成。\n' >mixed.txt
printf '整改情况,已完成。\n' >notice.html
printf '整改情况,已完成。\n' >other.txt
for f in invalid.txt mixed.txt notice.html; do cp "$f" "$f.orig"; done
nl --fix invalid.txt mixed.txt notice.html other.txt >/dev/null 2>"$tmp/err"
[ $? = 2 ] || bad "--fix with inputs it cannot fix did not exit 2"
for f in invalid.txt mixed.txt notice.html; do
	cmp -s "$f" "$f.orig" || bad "--fix changed $f, which it must leave alone"
done
grep -q 'invalid.txt：无法按原编码' "$tmp/err" || bad "no message for invalid.txt: $(cat "$tmp/err")"
grep -q 'mixed.txt：无法按原编码' "$tmp/err" || bad "no message for mixed.txt"
grep -q 'notice.html：--fix 只改写 .txt 和 .md 文件' "$tmp/err" || bad "no message for notice.html"
grep -qx '整改情况，已完成。' other.txt || bad "other.txt not fixed beside the refused inputs"

# Usage: the two options exclude each other; --fix with an action is refused.
nl --fix --fix-dry-run other.txt >/dev/null 2>&1
[ $? = 2 ] || bad "--fix --fix-dry-run is not a usage error"

# A fix example that does not come out as written fails --check-rules.
cat >pack.yml <<'EOF2'
pack: t
rules:
  - id: T-001
    check: substitution
    level: warning
    message: {zh: "“{match}”应为“{suggest}”", en: "'{match}' should be '{suggest}'"}
    description: test
    source: test
    pattern: "截止(?=\\d)"
    suggest: "截至"
    fix: {zh: "改为截至", en: "write 截至"}
    examples:
      flag: ["截止2025年"]
      fix:
        - {before: "截止2025年", after: "截止2025年"}
EOF2
nl --no-default-rules --rules pack.yml --check-rules >"$tmp/out" 2>&1
[ $? = 2 ] && grep -q 'rule-fix-example-wrong' "$tmp/out" || bad "a wrong fix example passed --check-rules: $(cat "$tmp/out")"
sed -i 's/after: "截止2025年"/after: "截至2025年"/' pack.yml
nl --no-default-rules --rules pack.yml --check-rules >/dev/null 2>&1 || bad "a right fix example failed --check-rules"
sed -i '/^      fix:/,$d' pack.yml
nl --no-default-rules --rules pack.yml --check-rules >"$tmp/out" 2>&1
[ $? = 2 ] || bad "a rule with fix: and no fix example loaded"

if [ $fail -ne 0 ]; then echo "fix: FAILED"; exit 1; fi
echo "fix: dry run, fix, idempotence, encodings and refusals behave"
