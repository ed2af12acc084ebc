#!/usr/bin/env bash
# Libraries are opened only by runs that need them: linting plain text without the
# prefilter (or under auto, for one small notice) loads none of libxml2, libzip,
# poppler-glib, Vectorscan (libhs_runtime, libhs) and SQLite; the prefilter with the
# database the compiled pack stores opens only Vectorscan's runtime, building one opens
# its compiler; a .pdf opens poppler-glib, a
# .docx libzip and libxml2, an .html libxml2, --cache-dir SQLite; each gets the same
# findings (the golden tests compare them byte for byte).
# Usage: dynload.test.sh path/to/noticelint source-dir
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-dl.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export NOTICELINT_RULES="$src/rules"
bad() { echo "dynload: FAIL: $*"; fail=1; }

# libs [OPTION...] FILE: the shared objects the dynamic loader opened while linting FILE.
libs() {
	LD_DEBUG=files "$bin" --format json --today 2025-12-31 "$@" 2>&1 >"$tmp/out.json" |
		grep -oE 'file=[^ ]+' | sed 's/^file=//' | sort -u
}

seed=$src/fixtures/seeds/004_6abf08291da1f359.txt
l=$(libs --prefilter off "$seed")
[ -n "$l" ] || bad "LD_DEBUG=files reported nothing"
for lib in libxml2 libzip libpoppler libhs libsqlite3; do
	grep -q "$lib" <<<"$l" && bad "plain text loaded $lib"
done
grep -q '"rule"' "$tmp/out.json" || bad "plain text: no findings"
cp "$tmp/out.json" "$tmp/plain.json"
# The default mode lints one small notice without the prefilter: no Vectorscan at all.
l=$(libs "$seed")
grep -q libhs <<<"$l" && bad "auto loaded libhs for one small notice"
cmp -s "$tmp/out.json" "$tmp/plain.json" || bad "auto changed the findings"
# The compiled default pack stores the prefilter's database: scanning with it needs only
# Vectorscan's runtime, never its compiler (libhs.so, which brings libstdc++).
l=$(libs --prefilter vectorscan "$seed")
grep -q libhs_runtime <<<"$l" || bad "--prefilter vectorscan did not load libhs_runtime"
grep -q 'libhs\.so' <<<"$l" && bad "--prefilter vectorscan loaded the compiler libhs.so"
grep -q libsqlite3 <<<"$l" && bad "--prefilter vectorscan loaded libsqlite3"
cmp -s "$tmp/out.json" "$tmp/plain.json" || bad "--prefilter vectorscan changed the findings"
# Without the compiled pack the database is built: then the compiler is opened.
l=$(libs --prefilter vectorscan --no-pack-cache "$seed")
grep -q 'libhs\.so' <<<"$l" || bad "--prefilter vectorscan --no-pack-cache did not load libhs.so"
cmp -s "$tmp/out.json" "$tmp/plain.json" || bad "a database built at run time changed the findings"
l=$(libs --prefilter off --cache-dir "$tmp/cache" "$seed")
grep -q libsqlite3 <<<"$l" || bad "--cache-dir did not load libsqlite3"
grep -q libhs <<<"$l" && bad "--cache-dir --prefilter off loaded libhs"
cmp -s "$tmp/out.json" "$tmp/plain.json" || bad "--cache-dir changed the findings"
[ -f "$tmp/cache/results.db" ] || bad "--cache-dir wrote no results.db"
for c in "pdf/000.pdf:libpoppler-glib" "docx/001-typed.docx:libzip" "docx/001-typed.docx:libxml2" \
	"html/003-gbk.html:libxml2"; do
	f=${c%%:*}
	l=$(libs "$src/fixtures/$f")
	grep -q "${c#*:}" <<<"$l" || bad "$f did not load ${c#*:}"
	grep -q '"rule"' "$tmp/out.json" || bad "$f: no findings"
done
[ "$fail" -eq 0 ] && echo "dynload: ok"
exit "$fail"
