#!/usr/bin/env bash
# The readers' libraries are opened only for inputs that need them: linting plain text
# loads none of libxml2, libzip and poppler-glib; a .pdf opens poppler-glib, a .docx
# libzip and libxml2, an .html libxml2, and each gets its findings (the golden tests
# compare them byte for byte).
# Usage: dynload.test.sh path/to/noticelint source-dir
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-dl.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export NOTICELINT_RULES="$src/rules"
bad() { echo "dynload: FAIL: $*"; fail=1; }

# libs FILE: the shared objects the dynamic loader opened while linting FILE.
libs() {
	LD_DEBUG=files "$bin" --format json --today 2025-12-31 "$1" 2>&1 >"$tmp/out.json" |
		grep -oE 'file=[^ ]+' | sed 's/^file=//' | sort -u
}

l=$(libs "$src/fixtures/seeds/004_6abf08291da1f359.txt")
[ -n "$l" ] || bad "LD_DEBUG=files reported nothing"
for lib in libxml2 libzip libpoppler; do
	grep -q "$lib" <<<"$l" && bad "plain text loaded $lib"
done
grep -q '"rule"' "$tmp/out.json" || bad "plain text: no findings"
for c in "pdf/000.pdf:libpoppler-glib" "docx/001-typed.docx:libzip" "docx/001-typed.docx:libxml2" \
	"html/003-gbk.html:libxml2"; do
	f=${c%%:*}
	l=$(libs "$src/fixtures/$f")
	grep -q "${c#*:}" <<<"$l" || bad "$f did not load ${c#*:}"
	grep -q '"rule"' "$tmp/out.json" || bad "$f: no findings"
done
[ "$fail" -eq 0 ] && echo "dynload: ok"
exit "$fail"
