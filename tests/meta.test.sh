#!/usr/bin/env bash
# Consistency tests: banned C calls, file header comments, catalogue ids and CLI options
# documented in README, every default rule documented by --explain, no English role names in
# Chinese notes.
set -u
bin=$1
src=$2
fail=0
say() { echo "meta: $*"; fail=1; }

# Banned calls (unbounded or unchecked string and number handling).
hits=$(grep -nE '\b(sprintf|strcpy|strcat|strncpy|strtok|atoi|gets|sscanf)\s*\(' \
  "$src"/lint/*.c "$src"/lint/*.h "$src"/lint/checks/*.c 2>/dev/null | grep -v 'snprintf')
[ -n "$hits" ] && say "banned calls:"$'\n'"$hits"

# Every source file opens with a comment saying what it owns.
for f in "$src"/lint/*.[ch] "$src"/lint/checks/*.c; do
  head -c 2 "$f" | grep -q '/\*' || say "$f: no header comment on its first line"
done

# Every catalogue id is listed in README.
ids=$(grep -oE '^\s*\{"[a-z0-9-]+",' "$src/lint/msg.c" | grep -oE '"[a-z0-9-]+"' | tr -d '"')
for id in $ids; do
  grep -q -- "\`$id\`" "$src/README.md" || say "message id $id is not in README.md"
done

# Every long option in --help is documented in README.
opts=$("$bin" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u)
[ -n "$opts" ] || say "--help printed no options"
for o in $opts; do
  grep -q -- "$o" "$src/README.md" || say "option $o is not in README.md"
done

# Every default rule can be explained, with its source shown.
for id in $("$bin" --list-rules --lang en | awk 'NF && $1 !~ /^#/ {print $1}' | grep -E '^[A-Z]'); do
  out=$("$bin" --explain "$id" --lang en 2>&1) || say "--explain $id failed"
  grep -qi 'source' <<<"$out" || say "--explain $id shows no source"
done

# Chinese notes name no role in English (`done = 3`): every role of an arithmetic rule in
# the default pack words itself with `title:` on the line after its name.
untitled=$(awk '/^  - id:/ {arith = 0; id = $3} /^    check: arithmetic/ {arith = 1}
  arith && want {if ($0 !~ /^        title: /) print FILENAME ": " id " role " want; want = ""}
  arith && /^      - name: / {want = $3}' "$src"/rules/*.yml)
[ -n "$untitled" ] && say "arithmetic roles without a title:"$'\n'"$untitled"
notes=$(NOTICELINT_RULES="$src/rules" "$bin" --today 2026-11-23 --color never \
  "$src"/fixtures/seeds/*.txt 2>/dev/null | grep -E ': note: [A-Za-z_]+ = ')
[ -n "$notes" ] && say "English role names in Chinese notes:"$'\n'"$notes"

if [ $fail -ne 0 ]; then echo "meta: FAILED"; exit 1; fi
echo "meta: all consistency checks passed"
