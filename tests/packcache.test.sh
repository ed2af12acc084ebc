#!/usr/bin/env bash
# Compiled rule packs: a cache hit and the default pack's build-time file give the output
# of a load from YAML on every seed; a corrupted, truncated, other-version, other-format or
# stale cache file is passed over, the pack loaded from YAML and the file rebuilt; an
# unwritable cache location, or none, still lints correctly; --no-pack-cache writes nothing.
# Usage: packcache.test.sh path/to/noticelint source-dir
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-pack.XXXXXX")
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
export NOTICELINT_RULES="$src/rules"
export XDG_CACHE_HOME="$tmp/xdg"

bad() { echo "packcache: FAIL: $*"; fail=1; }

cp -r "$src/rules" "$tmp/pack"
seeds=("$src"/fixtures/seeds/*.txt)

# lint NAME ARGS...: lints every seed with ARGS into $tmp/NAME.json (json, fixed today).
lint() {
	local name=$1
	shift
	"$bin" "$@" --format json --today 2025-12-31 "${seeds[@]}" >"$tmp/$name.json" 2>"$tmp/$name.err"
	[ $? -le 1 ] || bad "$name: exit status above 1: $(head -3 "$tmp/$name.err")"
	[ -s "$tmp/$name.err" ] && bad "$name: stderr not empty: $(head -3 "$tmp/$name.err")"
}

# same NAME: the run NAME printed what the load from YAML printed.
same() {
	cmp -s "$tmp/cold.json" "$tmp/$1.json" || bad "$1: output differs from the YAML load"
}

extra=(--no-default-rules --rules "$tmp/pack")
lint cold --no-pack-cache "${extra[@]}"
[ -e "$tmp/xdg" ] && bad "--no-pack-cache created the cache directory"
[ -s "$tmp/cold.json" ] || bad "the YAML load printed nothing"

# First run compiles the pack into the cache, the second maps it.
lint first "${extra[@]}"
same first
files=("$tmp"/xdg/noticelint/*.nlpack)
[ "${#files[@]}" -eq 1 ] && [ -f "${files[0]}" ] || bad "no single compiled pack in the cache: ${files[*]}"
cache=${files[0]}
ino=$(stat -c %i "$cache")
lint hit "${extra[@]}"
same hit
[ "$(stat -c %i "$cache")" = "$ino" ] || bad "a valid cache file was rewritten instead of used"

# corrupt NAME CMD: damages the cache with CMD, then the run must match and rebuild it.
corrupt() {
	local name=$1
	shift
	"$@"
	ino=$(stat -c %i "$cache")
	lint "$name" "${extra[@]}"
	same "$name"
	[ "$(stat -c %i "$cache")" != "$ino" ] || bad "$name: the damaged cache file was not rebuilt"
	cmp -s "$cache" "$tmp/good.nlpack" || bad "$name: the rebuilt cache differs from the first"
}
cp "$cache" "$tmp/good.nlpack"
size=$(stat -c %s "$cache")
corrupt flipped sh -c "printf 'Z' | dd of='$cache' bs=1 seek=$((size / 2)) conv=notrunc status=none"
corrupt truncated truncate -s $((size / 2)) "$cache"
corrupt header-only truncate -s 56 "$cache"
corrupt empty truncate -s 0 "$cache"
corrupt version sh -c "printf '9.9.9' | dd of='$cache' bs=1 seek=16 conv=notrunc status=none"
corrupt format sh -c "printf '\\377' | dd of='$cache' bs=1 seek=8 conv=notrunc status=none"
corrupt magic sh -c "printf 'X' | dd of='$cache' bs=1 seek=0 conv=notrunc status=none"
corrupt foreign cp "$src/rules/text.yml" "$cache"

# A pack edited after it was compiled: the new YAML is what counts.
cp "$tmp/pack/style.yml" "$tmp/style.yml.orig"
sed -i 's/^\(\s*level:\s*\)info\s*$/\1warning/' "$tmp/pack/style.yml"
cmp -s "$tmp/pack/style.yml" "$tmp/style.yml.orig" && bad "the edit changed nothing in style.yml"
lint edited-cold --no-pack-cache "${extra[@]}"
ino=$(stat -c %i "$cache")
lint edited "${extra[@]}"
cmp -s "$tmp/edited-cold.json" "$tmp/edited.json" || bad "stale cache: output differs from the edited YAML"
cmp -s "$tmp/edited.json" "$tmp/cold.json" && bad "the edit did not change the output"
[ "$(stat -c %i "$cache")" != "$ino" ] || bad "stale cache: not rebuilt"
cp "$tmp/style.yml.orig" "$tmp/pack/style.yml"

# The default pack: the file built with the program matches, so nothing is cached.
rm -rf "$tmp/xdg"
lint default-cold --no-pack-cache
lint default
cmp -s "$tmp/default-cold.json" "$tmp/default.json" || bad "default pack: output differs from the YAML load"
[ -e "$tmp/xdg/noticelint" ] && bad "the default pack was cached although its build-time file matches"
# An unchanged copy of the default pack as NOTICELINT_RULES uses the build-time file too;
# an edited copy is compiled into the cache.
NOTICELINT_RULES="$tmp/pack" lint default-copy
cmp -s "$tmp/default-cold.json" "$tmp/default-copy.json" || bad "default pack copy: output differs"
[ -e "$tmp/xdg/noticelint" ] && bad "an unchanged copy of the default pack was cached"
sed -i 's/^\(\s*level:\s*\)info\s*$/\1warning/' "$tmp/pack/style.yml"
NOTICELINT_RULES="$tmp/pack" lint default-edited
cmp -s "$tmp/edited-cold.json" "$tmp/default-edited.json" || bad "edited default pack: output differs"
ls "$tmp"/xdg/noticelint/*.nlpack >/dev/null 2>&1 || bad "the edited default pack was not cached"
cp "$tmp/style.yml.orig" "$tmp/pack/style.yml"

# Nowhere to write: a cache path under a regular file, a relative XDG_CACHE_HOME with no
# HOME, a directory in the cache file's place.
touch "$tmp/plain"
XDG_CACHE_HOME="$tmp/plain/xdg" lint unwritable "${extra[@]}"
same unwritable
(unset HOME; XDG_CACHE_HOME=relative lint nohome "${extra[@]}")
same nohome
[ -e relative ] && bad "a relative XDG_CACHE_HOME was used"
rm -rf "$cache"
mkdir -p "$cache"
lint dir-in-place "${extra[@]}"
same dir-in-place
if [ "$(id -u)" -ne 0 ]; then
	rm -rf "$tmp/xdg" && mkdir -p "$tmp/xdg/noticelint" && chmod 555 "$tmp/xdg/noticelint"
	lint readonly "${extra[@]}"
	same readonly
	chmod 755 "$tmp/xdg/noticelint"
fi

[ "$fail" -eq 0 ] && echo "packcache: ok"
exit "$fail"
