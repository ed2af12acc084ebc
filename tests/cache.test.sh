#!/usr/bin/env bash
# The result cache: off unless asked for (no directory appears), on with --cache-dir or a
# repository config's `cache: true` (then .noticelint-cache/ at the repository root, with a
# .gitignore of its own), never with --no-cache; a warm run replays every format byte for
# byte from the cache (shown by emptying the stored entries: the warm run then reports
# nothing), and a change of the date or of the language is a new entry, a changed file
# replaces its entry; the cache keeps the results of the last four run keys and drops
# those of files that are gone.
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
[ "$(rows "$tmp/c/results.db")" = "$n1" ] || bad "a changed file did not replace its entry"
"$bin" --today 2026-11-24 -f json --cache-dir "$tmp/c" notices >/dev/null
[ "$(rows "$tmp/c/results.db")" = $((2 * n1)) ] || bad "another --today reused entries"
lint -f json --lang en --no-cache >"$tmp/plain-en.json"
lint -f json --lang en --cache-dir "$tmp/c" >"$tmp/en.json"
cmp -s "$tmp/plain-en.json" "$tmp/en.json" || bad "--lang en replayed other messages"
lint -f json -d PUN-001 --no-cache >"$tmp/plain-d.json"
lint -f json -d PUN-001 --cache-dir "$tmp/c" >"$tmp/d.json"
cmp -s "$tmp/plain-d.json" "$tmp/d.json" || bad "--disable replayed another rule set"

# Bounded: the results of the four run keys used last are kept, a fifth drops the oldest;
# a file that is gone loses its entries; freed pages go back to the file system.
rm -rf "$tmp/c"
for d in 01 02 03 04; do "$bin" --today "2026-12-$d" -f json --cache-dir "$tmp/c" notices >/dev/null; done
[ "$(rows "$tmp/c/results.db")" = $((4 * n1)) ] || bad "four run keys: $(rows "$tmp/c/results.db") entries"
runs() { python3 -c 'import sqlite3,sys; print(" ".join(str(r[0]) for r in sqlite3.connect(sys.argv[1]).execute("select run from runs order by used")))' "$1"; }
read -r k1 k2 k3 k4 rest <<<"$(runs "$tmp/c/results.db")"
[ -n "$k4" ] && [ -z "$rest" ] || bad "four runs recorded as: $(runs "$tmp/c/results.db")"
"$bin" --today 2026-12-01 -f json --cache-dir "$tmp/c" notices >/dev/null   # used again: kept
"$bin" --today 2026-12-05 -f json --cache-dir "$tmp/c" notices >/dev/null
[ "$(rows "$tmp/c/results.db")" = $((4 * n1)) ] || bad "a fifth run key kept $(rows "$tmp/c/results.db") entries"
read -r j1 j2 j3 j4 rest <<<"$(runs "$tmp/c/results.db")"
[ "$j1 $j2 $j3" = "$k3 $k4 $k1" ] && [ -z "$rest" ] && [ "$j4" != "$k2" ] ||
	bad "run keys kept: $(runs "$tmp/c/results.db"), want $k3 $k4 $k1 and a new one"
python3 - "$tmp/c/results.db" "$k2" <<'PY' || bad "the oldest run key kept its results"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
sys.exit(1 if db.execute("select count(*) from results where run = ?", (int(sys.argv[2]),)).fetchone()[0] else 0)
PY
mv notices/001_b21dc3fc7ee4c764.txt "$tmp/"
lint -f json --cache-dir "$tmp/c" >/dev/null
python3 - "$tmp/c/results.db" <<'PY' || bad "a file that is gone kept its entries"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
sys.exit(1 if db.execute("select count(*) from results where path like '%001_b21dc3fc7ee4c764%'").fetchone()[0] else 0)
PY
mv "$tmp/001_b21dc3fc7ee4c764.txt" notices/
# 4 MB of entries of a run key no run uses any more: dropped, and the file shrinks again.
python3 - "$tmp/c/results.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.executemany("insert into results values (?, ?, 77, ?)",
               [("%064d" % i, b"x" * 2000, "old/%d.txt" % i) for i in range(2000)])
db.commit()
db.execute("pragma wal_checkpoint(truncate)")
print(db.execute("pragma page_count").fetchone()[0], file=open(sys.argv[1] + ".pages", "w"))
PY
lint -f json --cache-dir "$tmp/c" >/dev/null
python3 - "$tmp/c/results.db" <<'PY' || bad "the entries of an old run key were not dropped and their pages given back"
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
before = int(open(sys.argv[1] + ".pages").read())
pages, free = db.execute("pragma page_count").fetchone()[0], db.execute("pragma freelist_count").fetchone()[0]
old = db.execute("select count(*) from results where run = 77").fetchone()[0]
ok = old == 0 and free * 4 <= pages and pages * 4 < before
if not ok:
    print("  pages %d -> %d, %d free, %d old entries" % (before, pages, free, old))
sys.exit(0 if ok else 1)
PY

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
