#!/usr/bin/env bash
# The result cache: off unless asked for (no directory appears), on with --cache-dir or a
# repository config's `cache: true` (then .noticelint-cache/ at the repository root, with a
# .gitignore of its own), never with --no-cache; a warm run replays every format byte for
# byte from the cache (shown by emptying the stored entries: the warm run then reports
# nothing), and a change of a file, of the date or of the language is a new entry.
# Usage: cache.test.sh path/to/noticelint source-dir
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-cache.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
bad() { echo "cache: FAIL: $*"; fail=1; }
export NOTICELINT_RULES="$src/rules"
rows() { python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from results").fetchone()[0])' "$1"; }

repo=$tmp/repo
mkdir -p "$repo/.git" "$repo/notices/sub"
cp "$src"/fixtures/seeds/*.txt "$repo/notices/"
cp "$src/fixtures/input/gb18030.txt" "$src/fixtures/input/blank.txt" "$repo/notices/sub/"
cp "$src"/fixtures/docx/*.docx "$repo/notices/sub/" 2>/dev/null
cd "$repo" || exit 1
lint() { "$bin" --today 2026-11-23 --color never "$@" notices; }

# Off by default: a drafter's or a hook's run leaves nothing behind.
lint >/dev/null
[ -e .noticelint-cache ] && bad "a run without --cache-dir or config made .noticelint-cache"

for fmt in human json jsonl sarif github gitlab html; do
	lint -f "$fmt" --no-cache >"$tmp/plain.$fmt" 2>"$tmp/plain.err"
	rc0=$?
	lint -f "$fmt" --cache-dir "$tmp/c" >"$tmp/cold.$fmt" 2>"$tmp/cold.err"
	rc1=$?
	lint -f "$fmt" --cache-dir "$tmp/c" >"$tmp/warm.$fmt" 2>"$tmp/warm.err"
	rc2=$?
	cmp -s "$tmp/plain.$fmt" "$tmp/cold.$fmt" || bad "$fmt: the cold run differs from --no-cache"
	cmp -s "$tmp/plain.$fmt" "$tmp/warm.$fmt" || bad "$fmt: the warm run differs from --no-cache"
	[ "$rc0/$rc0" = "$rc1/$rc2" ] || bad "$fmt: exit $rc1 and $rc2, want $rc0"
	cmp -s "$tmp/plain.err" "$tmp/warm.err" || bad "$fmt: the warm run wrote to stderr: $(cat "$tmp/warm.err")"
done
[ -f "$tmp/c/results.db" ] || bad "no results.db in the cache directory"
grep -qx '\*' "$tmp/c/.gitignore" || bad "the cache directory does not ignore itself"
n=$(rows "$tmp/c/results.db")
files=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["files"]))' "$tmp/plain.json")
[ "$n" = "$files" ] || bad "$n entries for $files files"

# The warm run reads the entries: emptied entries give a report without findings.
python3 - "$tmp/c/results.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("update results set diags = ?", (b"NLR1\x00\x00\x00",))
db.commit()
PY
lint -f json --cache-dir "$tmp/c" >"$tmp/emptied.json"
python3 - "$tmp/emptied.json" <<'PY' || bad "the warm run did not replay the stored entries"
import json, sys
d = json.load(open(sys.argv[1]))
assert sum(len(f["diagnostics"]) for f in d["files"]) == 0, "findings"
PY
# Entries that do not decode, or whose spans lie outside the text, are misses.
python3 - "$tmp/c/results.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("update results set diags = ?", (b"NLR1\x01\x00\x00\x07GEN-012\x03\xff\xff\x7f\x00",))
db.commit()
PY
lint -f json --cache-dir "$tmp/c" >"$tmp/garbled.json"
cmp -s "$tmp/plain.json" "$tmp/garbled.json" || bad "a garbled entry was replayed"
rm -rf "$tmp/c"

# A changed file, date or language is a new entry; the other files' entries stay.
lint -f json --cache-dir "$tmp/c" >/dev/null
n1=$(rows "$tmp/c/results.db")
printf '\n截止2025年6月底，已完成整改问题14个。\n' >>notices/002_4720707dcb0128ec.txt
lint -f json --no-cache >"$tmp/plain2.json"
lint -f json --cache-dir "$tmp/c" >"$tmp/changed.json"
cmp -s "$tmp/plain2.json" "$tmp/changed.json" || bad "a changed file replayed its old result"
[ "$(rows "$tmp/c/results.db")" = $((n1 + 1)) ] || bad "a changed file did not add exactly one entry"
"$bin" --today 2026-11-24 -f json --cache-dir "$tmp/c" notices >/dev/null
[ "$(rows "$tmp/c/results.db")" = $((2 * n1 + 1)) ] || bad "another --today reused entries"
lint -f json --lang en --no-cache >"$tmp/plain-en.json"
lint -f json --lang en --cache-dir "$tmp/c" >"$tmp/en.json"
cmp -s "$tmp/plain-en.json" "$tmp/en.json" || bad "--lang en replayed other messages"
lint -f json -d PUN-001 --no-cache >"$tmp/plain-d.json"
lint -f json -d PUN-001 --cache-dir "$tmp/c" >"$tmp/d.json"
cmp -s "$tmp/plain-d.json" "$tmp/d.json" || bad "--disable replayed another rule set"

# The repository config turns it on at the repository root, also from a subdirectory.
printf 'cache: true\n' >.noticelint.yml
(cd notices/sub && "$bin" --today 2026-11-23 -f json . >"$tmp/sub.json")
[ -f .noticelint-cache/results.db ] || bad "cache: true did not make .noticelint-cache/ at the root"
(cd notices/sub && "$bin" --today 2026-11-23 -f json . >"$tmp/sub2.json")
cmp -s "$tmp/sub.json" "$tmp/sub2.json" || bad "the config's cache changed the report"
rm -rf .noticelint-cache
lint --no-cache >/dev/null
[ -e .noticelint-cache ] && bad "--no-cache made the cache of the config"
printf 'cache: maybe\n' >.noticelint.yml
lint >/dev/null 2>"$tmp/err"
[ $? = 2 ] || bad "cache: maybe was accepted"
rm .noticelint.yml

"$bin" --cache-dir '' notices >/dev/null 2>&1
[ $? = 2 ] || bad "--cache-dir '' accepted"

if [ $fail -ne 0 ]; then echo "cache: FAILED"; exit 1; fi
echo "cache: warm runs replay every format from the cache; off unless asked for"
