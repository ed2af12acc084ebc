#!/usr/bin/env bash
# Cache faults: a cache directory that is read-only, full, corrupt, from another version,
# not a directory, or shared by two runs at once. Each run completes with the findings of
# a run without the cache and, where something went wrong, says in one line of stderr what
# it did with the cache. A full disk is simulated with a file size limit (ulimit -f) on the
# noticelint process: its writes past the limit fail with EFBIG, as they would on a full
# file system; the report goes through a pipe, outside the limit. Read-only runs use an
# unprivileged user when the suite runs as root (root writes anywhere).
# Usage: cache_faults.test.sh path/to/noticelint source-dir
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-cachef.XXXXXX")
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
bad() { echo "cache_faults: FAIL: $*"; fail=1; }
export NOTICELINT_RULES="$src/rules"
mkdir -p "$tmp/notices"
cp "$src"/fixtures/seeds/*.txt "$src"/fixtures/real-dev/0[0-2]*.txt "$tmp/notices/"
cd "$tmp" || exit 1
lint() { "$bin" --today 2026-11-23 -f json --lang en "$@" notices; }
lint --no-cache >plain.json
want=$?
integrity() { python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("pragma integrity_check").fetchone()[0])' "$1"; }
# check NAME WORD: the last run's report is the plain one, with one stderr line holding WORD
check() {
	cmp -s plain.json out.json || bad "$1: the findings differ from a run without the cache"
	[ "$rc" = "$want" ] || bad "$1: exit $rc, want $want"
	if [ -n "$2" ]; then
		[ "$(wc -l <err)" = 1 ] && grep -q "$2" err || bad "$1: want one note with '$2', got: $(cat err)"
	else
		[ -s err ] && bad "$1: unexpected stderr: $(cat err)"
	fi
}

# Corrupt: garbage where the database was; rebuilt, and quiet on the next run.
mkdir c1 && head -c 20000 /dev/urandom >c1/results.db
lint --cache-dir c1 >out.json 2>err; rc=$?
check "corrupt file" "was corrupt: rebuilt from scratch"
[ "$(integrity c1/results.db)" = ok ] || bad "corrupt file: the rebuilt database is not sound"
lint --cache-dir c1 >out.json 2>err; rc=$?
check "after the rebuild" ""
# A truncated database (its first pages kept) is judged the same way.
head -c 3000 c1/results.db >c1/t && mv c1/t c1/results.db && rm -f c1/results.db-wal c1/results.db-shm
lint --cache-dir c1 >out.json 2>err; rc=$?
cmp -s plain.json out.json || bad "truncated file: the findings differ"
[ "$rc" = "$want" ] || bad "truncated file: exit $rc"

# Another version: the schema row names another noticelint; rebuilt.
python3 - c1/results.db <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("update meta set v = '1 noticelint 0.0.1' where k = 'schema'")
db.commit()
PY
lint --cache-dir c1 >out.json 2>err; rc=$?
check "another version" "written by another version (1 noticelint 0.0.1): rebuilt"
lint --cache-dir c1 >out.json 2>err; rc=$?
check "after the version rebuild" ""

# Not a directory: the cache directory's path runs through a regular file.
echo x >afile
lint --cache-dir afile/cache >out.json 2>err; rc=$?
check "a file in the path" "cannot be created"

# Read-only: a warm cache in a directory and file nobody may write.
lint --cache-dir ro >/dev/null 2>&1
chmod 555 ro && chmod 444 ro/results.db*
as_user=()
if [ "$(id -u)" = 0 ]; then
	command -v setpriv >/dev/null && as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
if [ "$(id -u)" != 0 ] || [ ${#as_user[@]} -gt 0 ]; then
	"${as_user[@]}" "$bin" --today 2026-11-23 -f json --lang en --cache-dir ro notices >out.json 2>err; rc=$?
	check "read-only cache" "read-only"
	"${as_user[@]}" "$bin" --today 2026-11-23 -f json --lang en --cache-dir ro/new notices >out.json 2>err; rc=$?
	check "read-only parent" "cannot be created"
else
	echo "cache_faults: read-only case skipped (root without setpriv)"
fi
chmod -R u+w ro

# Full: the database cannot grow past a small file size limit; nothing is stored past it.
(ulimit -f 48; exec "$bin" --today 2026-11-23 -f json --lang en --cache-dir full notices) 2>err | cat >out.json
rc=${PIPESTATUS[0]}
check "full disk" "could not be written"
(ulimit -f 48; exec "$bin" --today 2026-11-23 -f json --lang en --cache-dir full notices) 2>err | cat >out.json
rc=${PIPESTATUS[0]}
cmp -s plain.json out.json || bad "full disk, second run: the findings differ"

# Two runs at once on one new cache: both complete with the findings; the file stays sound.
for k in 1 2 3; do
	lint --jobs 2 --cache-dir shared >"two$k.json" 2>"two$k.err" &
done
wait
for k in 1 2 3; do
	cmp -s plain.json "two$k.json" || bad "concurrent run $k: the findings differ"
	grep -v "could not be written" "two$k.err" | grep -q . && bad "concurrent run $k: $(cat "two$k.err")"
done
[ "$(integrity shared/results.db)" = ok ] || bad "concurrent runs left an unsound database"
lint --cache-dir shared >out.json 2>err; rc=$?
check "after concurrent runs" ""

if [ $fail -ne 0 ]; then echo "cache_faults: FAILED"; exit 1; fi
echo "cache_faults: every cache fault leaves the findings intact and is reported once"
