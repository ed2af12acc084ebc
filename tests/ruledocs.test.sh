#!/usr/bin/env bash
# The rule pages doc/rules/*.md are what `noticelint --rule-docs` makes of the default
# pack (regenerate and compare), one page per rule plus the index; --explain finds a rule
# whatever the case of its id.
# Usage: ruledocs.test.sh path/to/noticelint source-dir
set -u
bin=$1
src=$2
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-ruledocs.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export NOTICELINT_RULES="$src/rules"
bad() { echo "ruledocs: FAIL: $*"; fail=1; }

"$bin" --rule-docs "$tmp" || bad "--rule-docs failed"
diff -ru "$src/doc/rules" "$tmp" >"$tmp.diff" ||
	bad "doc/rules is out of step with the rules (run noticelint --rule-docs doc/rules):
$(head -40 "$tmp.diff")"
rm -f "$tmp.diff"
n=$("$bin" --list-rules --lang en | awk 'NR > 1 && NF {print $1}' | wc -l)
pages=$(find "$tmp" -name '*.md' ! -name README.md | wc -l)
[ "$n" = "$pages" ] || bad "$n rules but $pages pages"
grep -q '^# NUM-004$' "$tmp/NUM-004.md" && grep -q '## 自动修正 Fix' "$tmp/NUM-004.md" ||
	bad "NUM-004's page lacks its fix"
grep -q '(PUN-001.md)' "$tmp/README.md" || bad "the index does not link PUN-001"
"$bin" --explain pun-001 | head -1 | grep -qx 'PUN-001' || bad "--explain pun-001 did not find PUN-001"
"$bin" --rule-docs "$tmp/missing/dir" 2>/dev/null && bad "--rule-docs into a missing directory succeeded"

if [ $fail -ne 0 ]; then echo "ruledocs: FAILED"; exit 1; fi
echo "ruledocs: doc/rules matches the rules"
