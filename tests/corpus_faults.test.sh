#!/usr/bin/env bash
# Faults of the corpus index (corpus.db): corrupt, from another version, read-only (with
# and without a change since it was written), a full disk, and several runs at once on one
# cache while a notice changes. Every run reports the copies a run without the cache
# reports, with the exit status of its findings, saying on stderr what it did with the
# cache; afterwards the index is sound and holds what a new index holds.
# Usage: corpus_faults.test.sh path/to/noticelint source-dir
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-cfault.XXXXXX")
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
bad() { echo "corpus_faults: FAIL: $*"; fail=1; }
export NOTICELINT_RULES="$src/rules"

. "$src/tests/corpus_lib.sh"
copy="对机关二〇二五年上半年的公务接待清单和报销凭证逐笔比对，查出超标准接待两次、无公函接待三次，已责令相关人员退赔"
other="组织开展财经纪律专题学习三次，对照清单逐项销号，整改结果在全局干部大会上通报，并纳入年度考核"
cd "$tmp" || exit 1
mkdir -p n
notice n/a.txt 云溪镇 "$copy。" "梳理制度十二项。"
notice n/b.txt 石林乡 "修订接待管理办法。$copy。" "$other。"
notice n/c.txt 金竹乡 "$other。" "清理台账五本。"
cp "$src"/fixtures/real-dev/0[0-1]*.txt n/
lint() { "$bin" --today 2025-10-10 -f json --lang en --corpus n "$@" n; }
lint --no-cache >plain.json
want=$?
grep -q '"CPY-001"' plain.json || bad "the plain run finds no copy"
integrity() { python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("pragma integrity_check").fetchone()[0])' "$1"; }
# check NAME WORD: the last run's report is the plain one; stderr is empty, or every line
# holds WORD (one line for each database at most).
check() {
	cmp -s plain.json out.json || bad "$1: the findings differ from a run without the cache"
	[ "$rc" = "$want" ] || bad "$1: exit $rc, want $want"
	if [ -n "$2" ]; then
		grep -q "corpus.db.*$2\|$2.*corpus.db" err && [ "$(wc -l <err)" -le 2 ] ||
			bad "$1: want a note on corpus.db with '$2', got: $(cat err)"
	else
		[ -s err ] && bad "$1: unexpected stderr: $(cat err)"
	fi
}
# same DIR: DIR/corpus.db holds the rows a new index holds.
same() {
	rm -rf fresh && lint --cache-dir fresh >/dev/null 2>&1
	index_same "$1/corpus.db" fresh/corpus.db
}

# Corrupt: garbage where the index was; rebuilt, and quiet on the next run.
mkdir c1 && lint --cache-dir c1 >/dev/null 2>&1
head -c 30000 /dev/urandom >c1/corpus.db && rm -f c1/corpus.db-wal c1/corpus.db-shm
lint --cache-dir c1 >out.json 2>err; rc=$?
check "corrupt index" "was corrupt: rebuilt from scratch"
[ "$(integrity c1/corpus.db)" = ok ] || bad "corrupt index: the rebuilt file is not sound"
lint --cache-dir c1 >out.json 2>err; rc=$?
check "after the rebuild" ""
same c1 || bad "after the rebuild: the index differs from a new one"

# Another version (the schema of before document frequencies were kept): rebuilt.
python3 -c 'import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); d.execute("update meta set v = ? where k = ?", ("2 noticelint 0.0.1", "schema")); d.commit()' c1/corpus.db
lint --cache-dir c1 >out.json 2>err; rc=$?
check "another version" "written by another version (2 noticelint 0.0.1): rebuilt"
same c1 || bad "after the version rebuild: the index differs from a new one"

# Stored passages that name a notice the index does not hold: not trusted, the same
# findings all the same.
python3 -c 'import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); d.execute("update hits set other = 99999"); d.commit()' c1/corpus.db
lint --cache-dir c1 >out.json 2>err; rc=$?
cmp -s plain.json out.json || bad "stale passages: the findings differ"

# Read-only: a warm index in a directory and files nobody may write, first unchanged
# (the stored passages are replayed), then with a notice changed (compared in memory).
lint --cache-dir ro >/dev/null 2>&1
chmod 555 ro && chmod 444 ro/*.db*
as_user=()
if [ "$(id -u)" = 0 ]; then
	command -v setpriv >/dev/null && as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
fi
if [ "$(id -u)" != 0 ] || [ ${#as_user[@]} -gt 0 ]; then
	"${as_user[@]}" "$bin" --today 2025-10-10 -f json --lang en --corpus n --cache-dir ro n >out.json 2>err; rc=$?
	check "read-only index" "read-only"
	cp n/c.txt c.orig
	notice n/c.txt 金竹乡 "$copy。" "清理台账五本。"
	lint --no-cache >plain2.json
	"${as_user[@]}" "$bin" --today 2025-10-10 -f json --lang en --corpus n --cache-dir ro n >out.json 2>err; rc=$?
	cmp -s plain2.json out.json || bad "read-only index, a notice changed: the findings differ"
	grep -q "read-only" err || bad "read-only index, a notice changed: no note"
	mv c.orig n/c.txt
else
	echo "corpus_faults: read-only case skipped (root without setpriv)"
fi
chmod -R u+w ro

# Full: the index cannot grow past a small file size limit; nothing is stored past it.
for k in 1 2; do
	(ulimit -f 64; exec "$bin" --today 2025-10-10 -f json --lang en --corpus n --cache-dir full n) 2>err | cat >out.json
	rc=${PIPESTATUS[0]}
	cmp -s plain.json out.json || bad "full disk, run $k: the findings differ"
	[ "$rc" = "$want" ] || bad "full disk, run $k: exit $rc"
	grep -q "corpus.db" err || bad "full disk, run $k: no note on corpus.db: $(cat err)"
done

# Several runs at once on one new cache, then again while a notice changes: every run
# has the findings of its moment; the index stays sound and ends as a new one would be.
for k in 1 2 3; do
	lint --jobs 2 --cache-dir shared >"two$k.json" 2>"two$k.err" &
done
wait
for k in 1 2 3; do
	cmp -s plain.json "two$k.json" || bad "concurrent run $k: the findings differ"
	# A run may give the shared cache up (a write past the lock's wait, or a setup that
	# found it locked) and says so; nothing else may be said, and its findings are whole.
	grep -v -E "could not be written|goes without it" "two$k.err" | grep -q . &&
		bad "concurrent run $k: $(cat "two$k.err")"
done
notice n/c.txt 金竹乡 "$copy。" "清理台账五本。"
lint --no-cache >plain2.json
for k in 1 2 3; do
	lint --jobs 2 --cache-dir shared >"two$k.json" 2>"two$k.err" &
done
wait
for k in 1 2 3; do
	cmp -s plain2.json "two$k.json" || bad "concurrent run $k after a change: the findings differ"
done
[ "$(integrity shared/corpus.db)" = ok ] || bad "concurrent runs left an unsound index"
lint --cache-dir shared >out.json 2>err; rc=$?
cmp -s plain2.json out.json || bad "after concurrent runs: the findings differ"
[ -s err ] && bad "after concurrent runs: stderr: $(cat err)"
same shared || bad "after concurrent runs: the index differs from a new one"

if [ $fail -ne 0 ]; then echo "corpus_faults: FAILED"; exit 1; fi
echo "corpus_faults: every fault of the corpus index leaves the findings intact"
