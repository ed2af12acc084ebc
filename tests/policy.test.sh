#!/usr/bin/env bash
# Severity policy: README states it as one table, and every rule's level is the one its
# description's policy phrase calls for (error / warning / info).
set -u
bin=$1
src=$2
fail=0
say() { echo "policy: $*"; fail=1; }

err_re='is absent|cannot work|cannot exist|wrong in every reading|hence an error'
warn_re='hence a warning|a human must look'
info_re='hence info|a matter of form|a style point'

zh_err_re='因此是错误|在任何读法下都是错的|无法使用|无法拨通|无法投递|不可能存在'
zh_warn_re='因此是警告|需要人工判断'
zh_info_re='因此是提示|属于格式问题|属于文风问题|只作提示'

# Each rule as one line: id, level, check, scope and its whole description in lang $1
# (--list-rules gives the first sentence only).
rules_with_descriptions() {
  "$bin" --list-rules --lang en | awk 'NR > 1 && NF {print $1, $2, $3, $4}' |
  while read -r id rest; do
    printf '%s %s %s\n' "$id" "$rest" \
      "$("$bin" --explain "$id" --lang "$1" | sed -n 's/^  \(description: \|说明：\)//p')"
  done
}

# Reads --list-rules lines (id level check scope description…) and prints one line per rule
# whose level is not one of the three or disagrees with its description's policy phrase,
# then "stated error=N warning=N info=N".
judge() {
  awk -v e="${1:-$err_re}" -v w="${2:-$warn_re}" -v i="${3:-$info_re}" '
    NF < 5 { next }
    {
      id = $1; level = $2; d = tolower($0); want = ""; n = 0
      if (level != "error" && level != "warning" && level != "info")
        print id ": level " level " is not error, warning or info"
      if (d ~ e) { want = "error"; n++ }
      if (d ~ w) { want = "warning"; n++ }
      if (d ~ i) { want = "info"; n++ }
      if (n > 1) print id ": description names more than one level"
      else if (n == 1 && want != level) print id ": level " level ", its description says " want
      else if (n == 1) stated[want]++
    }
    END { printf "stated error=%d warning=%d info=%d\n", stated["error"], stated["warning"], stated["info"] }'
}

# README: the section with the three definitions, word for word.
sect=$(awk '/^## Severity policy$/ {on=1; next} /^## / {on=0} on' "$src/README.md")
[ -n "$sect" ] || say "README.md has no '## Severity policy' section"
for def in \
  '`error` | a drafter would not dispute it: a required part absent, a stated fact false (arithmetic, calendar, order), a contact channel that cannot work, a word wrong in every reading |' \
  '`warning` | very likely a defect, a human must look |' \
  '`info` | style, consistency, timeliness |'; do
  grep -qF -- "$def" <<<"$sect" || say "README policy lacks: $def"
done

# The default pack follows the policy, and each level's phrases are in real use.
list=$(rules_with_descriptions en)
[ "$(wc -l <<<"$list")" -ge 50 ] || say "--list-rules listed too few rules"
out=$(judge <<<"$list")
bad=$(grep -v '^stated ' <<<"$out")
[ -z "$bad" ] || say "rules against the policy:"$'\n'"$bad"
read -r _ e w i <<<"$(grep '^stated ' <<<"$out" | tr '=' ' ' | awk '{print $1, $3, $5, $7}')"
[ "$e" -ge 5 ] && [ "$w" -ge 2 ] && [ "$i" -ge 2 ] ||
  say "too few rules state their policy case (error $e, warning $w, info $i)"

# The Chinese descriptions state the same policy: no rule's Chinese text calls for another
# level than the rule has, and about as many state one as in English.
out=$(judge "$zh_err_re" "$zh_warn_re" "$zh_info_re" <<<"$(rules_with_descriptions zh)")
bad=$(grep -v '^stated ' <<<"$out")
[ -z "$bad" ] || say "Chinese descriptions against the policy:"$'\n'"$bad"
read -r _ ze zw zi <<<"$(grep '^stated ' <<<"$out" | tr '=' ' ' | awk '{print $1, $3, $5, $7}')"
[ "$ze" -ge "$((e - 2))" ] && [ "$zw" -ge "$((w - 2))" ] && [ "$zi" -ge "$((i - 2))" ] ||
  say "fewer Chinese descriptions state their case (error $ze, warning $zw, info $zi) than English ($e, $w, $i)"

# The levels the policy fixes for the contact block and 截止.
lvl() { awk -v id="$1" '$1 == id {print $2}' <<<"$list"; }
for pair in GEN-009=error GEN-010=warning GEN-010.1=info GEN-010.2=error GEN-010.3=error \
            NUM-004=error; do
  id=${pair%=*}; want=${pair#*=}
  [ "$(lvl "$id")" = "$want" ] || say "$id: level $(lvl "$id"), the policy gives $want"
done

# A pack that contradicts the policy is caught: the reading above can fail.
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/bad.yml" <<'YML'
rules:
  - id: T-BAD
    check: existence
    level: info
    message: {zh: "x", en: "x"}
    description: A postal address that cannot work.
    source: s
    pattern: "无效地址"
    examples: {flag: ["无效地址"], pass: ["地址"]}
  - id: T-GOOD
    check: existence
    level: info
    message: {zh: "x", en: "x"}
    description: A matter of form.
    source: s
    pattern: "无效地址"
    examples: {flag: ["无效地址"], pass: ["地址"]}
YML
got=$("$bin" --no-default-rules -r "$tmp/bad.yml" --list-rules --lang en | tail -n +2 | judge)
[ "$got" = $'T-BAD: level info, its description says error\nstated error=0 warning=0 info=1' ] ||
  say "a contradicting pack was judged: $got"

if [ $fail -ne 0 ]; then echo "policy: FAILED"; exit 1; fi
echo "policy: every rule follows the severity policy"
