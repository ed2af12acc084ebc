#!/usr/bin/env bash
# The manual page doc/noticelint.1 lists exactly the long options of `--help --lang en`,
# renders without warnings, and is installed by `cmake --install` into share/man/man1.
# Usage: manpage.test.sh path/to/noticelint source-dir
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-man.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
bad() { echo "manpage: FAIL: $*"; fail=1; }
man=$src/doc/noticelint.1

"$bin" --help --lang en | grep -oE -- '--[a-z][a-z-]+' | sort -u >"$tmp/help"
[ -s "$tmp/help" ] || bad "--help lists no options"
# Long options as the page writes them: \fB\-\-name\fR at the start of an option tag.
grep -A1 '^\.TP' "$man" | sed 's/\\-/-/g' | grep -oE '^\\fB--[a-z-]+|, \\fB--[a-z-]+' |
	sed -e 's/^, //' -e 's/^\\fB//' | sort -u >"$tmp/man"
diff -u "$tmp/help" "$tmp/man" >"$tmp/diff" || bad "options differ (- help, + man page):
$(cat "$tmp/diff")"

if command -v groff >/dev/null; then
	groff -k -man -Tutf8 -ww -z "$man" 2>"$tmp/warn"
	[ -s "$tmp/warn" ] && bad "groff warnings: $(head -5 "$tmp/warn")"
fi
grep -q 'noticelint.1.*CMAKE_INSTALL_MANDIR}/man1' "$src/CMakeLists.txt" ||
	bad "CMakeLists.txt does not install the page into man1"

if [ $fail -ne 0 ]; then echo "manpage: FAILED"; exit 1; fi
echo "manpage: the manual page documents every option of --help"
