#!/usr/bin/env bash
# Project config tests: .noticelint.yml disables and relevels rules, suppresses one finding
# with a reason (--no-suppress brings it back), the nearest config wins, the search stops
# at the repository root, .noticelint.yaml is found (both names in one place is an error),
# `root: true` is accepted, --config overrides the search, include/exclude apply to walked
# files only (every file with --force-exclude), --stdin-filename stands for a file, a
# config's rule pack applies to its own files, --print-config, strict loading errors at
# file:line:col with exit 2, and --encoding.
# Usage: config.test.sh path/to/noticelint source-dir
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
fail=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-config.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export NOTICELINT_RULES="$src/rules"
seed=$src/fixtures/seeds/000_2800b427cfbef2a5.txt

bad() { echo "config: FAIL: $*"; fail=1; }

# run ARGS...: runs the binary in $tmp/p, leaving stdout in $out, stderr in $err, status in $rc.
run() {
	(cd "$tmp/p" && "$bin" --lang en --today 2026-01-01 "$@") >"$tmp/stdout" 2>"$tmp/stderr"
	rc=$?
	out=$(cat "$tmp/stdout")
	err=$(cat "$tmp/stderr")
}
expect() { [ "$rc" -eq "$1" ] || bad "$2: exit $rc, expected $1 (stderr: $err)"; }
has() { case "$2" in *"$1"*) ;; *) bad "$3: no '$1' in: $2" ;; esac; }
hasnt() { case "$2" in *"$1"*) bad "$3: unexpected '$1'" ;; esac; }

mkdir -p "$tmp/p/sub" "$tmp/p/drafts"
cp "$seed" "$tmp/p/a.txt"
cp "$seed" "$tmp/p/sub/b.txt"
cp "$seed" "$tmp/p/drafts/c.txt"

# Without a config the seed draws GEN-003 (info), GEN-002 (warning) and TXT-001.
run --format jsonl a.txt
has '"rule":"GEN-003"' "$out" "no config: GEN-003"
has '"rule":"GEN-002","level":"warning"' "$out" "no config: GEN-002 warning"
has '"rule":"TXT-001"' "$out" "no config: TXT-001"

cat >"$tmp/p/.noticelint.yml" <<'YML'
# project settings
disable: [GEN-003]
levels:
  GEN-002: error
exclude: ["drafts/*"]
suppress:
  - rule: TXT-001
    paths: ["a.txt"]
    match: "分管领导抓好分管领域"
    reason: 原文如此，照录
YML
cat >"$tmp/p/sub/.noticelint.yml" <<'YML'
levels:
  GEN-002: info
YML

run --format jsonl a.txt
hasnt '"rule":"GEN-003"' "$out" "disable: GEN-003"
has '"rule":"GEN-002","level":"error"' "$out" "levels: GEN-002 error"
hasnt '"rule":"TXT-001"' "$out" "suppress: TXT-001"
expect 1 "config run"
run --format jsonl --no-suppress a.txt
has '"rule":"TXT-001"' "$out" "--no-suppress brings TXT-001 back"
hasnt '"rule":"GEN-003"' "$out" "--no-suppress keeps disable"

# The nearest config wins: sub/ has its own, which neither disables nor suppresses.
run --format jsonl sub/b.txt
has '"rule":"GEN-002","level":"info"' "$out" "nested config: GEN-002 info"
has '"rule":"GEN-003"' "$out" "nested config: GEN-003 back"

# The files of one directory share a config, but a symbolic link takes the config of the
# directory it points into, whatever stands before and after it on the command line.
mkdir -p "$tmp/p/m"
cp "$seed" "$tmp/p/m/x.txt"
cp "$seed" "$tmp/p/m/z.txt"
ln -s ../sub/b.txt "$tmp/p/m/y.txt"
run --format jsonl m/x.txt m/y.txt m/z.txt
for f in x:error y:info z:error; do
	line=$(printf '%s\n' "$out" | grep "\"path\":\"m/${f%%:*}.txt\",\"rule\":\"GEN-002\"")
	has "\"level\":\"${f#*:}\"" "$line" "one directory, m/${f%%:*}.txt: GEN-002 ${f#*:}"
done

# exclude applies to files found by walking, never to files named on the command line.
run --format jsonl .
hasnt 'drafts/c.txt' "$out" "exclude: walked drafts/c.txt"
has '"path":"./sub/b.txt"' "$out" "walk: sub/b.txt"
run --format jsonl drafts/c.txt
has '"path":"drafts/c.txt"' "$out" "named file is linted despite exclude"
# --force-exclude: named files go through include/exclude too; all excluded lints nothing.
run --format jsonl --force-exclude drafts/c.txt a.txt
hasnt 'drafts/c.txt' "$out" "--force-exclude: named drafts/c.txt"
has '"path":"a.txt"' "$out" "--force-exclude: a.txt still linted"
run --quiet --force-exclude drafts/c.txt
expect 0 "--force-exclude, every input excluded"
[ -z "$out$err" ] || bad "--force-exclude, every input excluded, printed: $out$err"

# --stdin-filename: standard input is shown as, configured as and filtered as that file.
run_stdin() {
	(cd "$tmp/p" && "$bin" --lang en --today 2026-01-01 "$@" <"$seed") >"$tmp/stdout" 2>"$tmp/stderr"
	rc=$?
	out=$(cat "$tmp/stdout")
	err=$(cat "$tmp/stderr")
}
run_stdin --format jsonl --stdin-filename a.txt -
has '"path":"a.txt"' "$out" "--stdin-filename: shown path"
hasnt '"rule":"GEN-003"' "$out" "--stdin-filename: the config of a.txt disables GEN-003"
hasnt '"rule":"TXT-001"' "$out" "--stdin-filename: the suppression for a.txt applies"
run_stdin --format jsonl --stdin-filename sub/b.txt -
has '"rule":"GEN-002","level":"info"' "$out" "--stdin-filename: the nearest config of sub/b.txt"
run_stdin --format jsonl -
has '"path":"<stdin>"' "$out" "plain stdin"
hasnt '"rule":"GEN-003"' "$out" "plain stdin: the config of the working directory applies"
has '"rule":"TXT-001"' "$out" "plain stdin: the suppression for a.txt does not apply"
run_stdin --quiet --force-exclude --stdin-filename drafts/new.txt -
expect 0 "--stdin-filename excluded"
[ -z "$out$err" ] || bad "--stdin-filename excluded printed: $out$err"
run_stdin --stdin-filename drafts/new.txt -
expect 1 "--stdin-filename without --force-exclude is linted"
run --stdin-filename - a.txt
expect 2 "--stdin-filename -"

# --config overrides the search for every input.
run --format jsonl --config sub/.noticelint.yml a.txt
has '"rule":"GEN-002","level":"info"' "$out" "--config: GEN-002 info"
has '"rule":"TXT-001"' "$out" "--config: no suppression"

# --print-config shows the effective settings.
run --print-config a.txt
expect 0 "--print-config"
has '"disable":	["GEN-003"]' "$out" "--print-config disable"
has '"GEN-002":	"error"' "$out" "--print-config levels"
has '"reason":	"原文如此，照录"' "$out" "--print-config suppress"
has '"relative":	"a.txt"' "$out" "--print-config relative"
run --print-config drafts/c.txt
has '"walked":	false' "$out" "--print-config excluded"
run --print-config sub/b.txt
has '"GEN-002":	"info"' "$out" "--print-config nested"
hasnt 'GEN-003' "$out" "--print-config nested disable"

# overrides: per-path disable and levels.
mkdir -p "$tmp/p/o/old"
cp "$seed" "$tmp/p/o/old/d.txt"
cp "$seed" "$tmp/p/o/e.txt"
cat >"$tmp/p/o/.noticelint.yml" <<'YML'
overrides:
  - paths: ["old/*"]
    disable: [TXT-001]
    levels: {PUN-002: info}
YML
run --format jsonl o
has '"path":"o/e.txt","rule":"TXT-001"' "$out" "override leaves e.txt"
hasnt '"path":"o/old/d.txt","rule":"TXT-001"' "$out" "override disables in old/"
has '"path":"o/old/d.txt","rule":"PUN-002","level":"info"' "$out" "override relevels"

# A config's rule pack applies to the files under that config only.
mkdir -p "$tmp/p/pk"
cp "$src/fixtures/rulepacks/good.yml" "$tmp/p/pk/extra.yml"
printf 'rules: [extra.yml]\n' >"$tmp/p/pk/.noticelint.yml"
printf '关于整改的通报\n截止目前，已完成整改23个。\n' >"$tmp/p/pk/f.txt"
cp "$tmp/p/pk/f.txt" "$tmp/p/g.txt"
run --format jsonl pk/f.txt g.txt
has '"path":"pk/f.txt","rule":"T-SUBST"' "$out" "config pack rule"
hasnt '"path":"g.txt","rule":"T-SUBST"' "$out" "config pack rule elsewhere"

# Strict loading: position, catalogue id, exit 2.
printf 'disable: [GEN-003]\nlevel:\n  GEN-002: error\n' >"$tmp/bad.yml"
run --config "$tmp/bad.yml" a.txt
expect 2 "unknown key"
has "bad.yml:2:1: error: unknown config key 'level' [config-unknown-key]" "$err" "unknown key"
printf 'suppress:\n  - rule: TXT-001\n    paths: ["*"]\n' >"$tmp/bad.yml"
run --config "$tmp/bad.yml" a.txt
expect 2 "suppression without reason"
has "bad.yml:2:5: error: missing required config key 'reason' [config-missing-key]" "$err" \
	"suppression without reason"
printf 'suppress:\n  - rule: "*"\n    paths: ["*"]\n    reason: all\n' >"$tmp/bad.yml"
run --config "$tmp/bad.yml" a.txt
expect 2 "wildcard rule"
has "bad.yml:2:11: error: unknown rule id '*'" "$err" "wildcard rule"
printf 'disable: GEN-003\n' >"$tmp/bad.yml"
run --config "$tmp/bad.yml" a.txt
expect 2 "wrong type"
has "bad.yml:1:10: error: config key 'disable' must be a list of strings [config-wrong-type]" \
	"$err" "wrong type"
printf 'levels:\n  NO-SUCH: error\n  GEN-002: loud\n' >"$tmp/bad.yml"
run --config "$tmp/bad.yml" a.txt
expect 2 "bad level"
has "bad.yml:3:12: error: config level 'loud'" "$err" "bad level"
printf 'disable: [A]\ndisable: [B]\n' >"$tmp/bad.yml"
run --config "$tmp/bad.yml" a.txt
expect 2 "duplicate key"
has "bad.yml:2:1: error: duplicate config key 'disable' (first at line 1)" "$err" "duplicate key"
# Anchors and aliases are refused before anything is expanded (an alias bomb stays cheap).
{
	echo 'a: &a [x, x, x, x, x, x, x, x, x]'
	prev=a
	for l in b c d e f g h i; do
		echo "$l: &$l [*$prev, *$prev, *$prev, *$prev, *$prev, *$prev, *$prev, *$prev, *$prev]"
		prev=$l
	done
} >"$tmp/bad.yml"
run --config "$tmp/bad.yml" a.txt
expect 2 "config alias"
has "bad.yml:1:4: error:" "$err" "config alias"
has "anchors and aliases are not allowed [config-yaml-syntax]" "$err" "config alias"
printf 'disable: [A]\n---\ndisable: [B]\n' >"$tmp/bad.yml"
run --config "$tmp/bad.yml" a.txt
expect 2 "two documents"
has "a configuration holds a single YAML document [config-yaml-syntax]" "$err" "two documents"
run --config "$tmp/missing.yml" a.txt
expect 2 "missing --config"
has "[config-unreadable]" "$err" "missing --config"

# Discovery stops at the repository root: a config above the directory holding .git (a
# directory, or a worktree's .git file) does not govern the repository's files; without
# .git the search goes on up. .noticelint.yaml is found like .noticelint.yml; a directory
# holding both is an error; `root: true` is accepted, and only true or false.
mkdir -p "$tmp/up/repo/.git" "$tmp/up/wt" "$tmp/up/plain/deep"
printf 'gitdir: /nowhere/.git/worktrees/wt\n' >"$tmp/up/wt/.git"
printf 'disable: [GEN-003]\n' >"$tmp/up/.noticelint.yml"
cp "$seed" "$tmp/up/repo/n.txt"
cp "$seed" "$tmp/up/wt/n.txt"
cp "$seed" "$tmp/up/plain/deep/n.txt"
run --format jsonl "$tmp/up/repo/n.txt" "$tmp/up/wt/n.txt" "$tmp/up/plain/deep/n.txt"
has '"path":"'"$tmp"'/up/repo/n.txt","rule":"GEN-003"' "$out" "config above a repository (.git dir)"
has '"path":"'"$tmp"'/up/wt/n.txt","rule":"GEN-003"' "$out" "config above a worktree (.git file)"
hasnt '"path":"'"$tmp"'/up/plain/deep/n.txt","rule":"GEN-003"' "$out" "config above a plain directory"
run --print-config "$tmp/up/repo/n.txt"
has '"config":	null' "$out" "--print-config stops at the repository root"
printf 'root: true\ndisable: [GEN-003]\n' >"$tmp/up/repo/.noticelint.yaml"
run --format jsonl "$tmp/up/repo/n.txt"
expect 1 ".noticelint.yaml with root: true (the seed keeps its errors)"
hasnt '"rule":"GEN-003"' "$out" ".noticelint.yaml is found"
run --print-config "$tmp/up/repo/n.txt"
has '/up/repo/.noticelint.yaml"' "$out" "--print-config names the .yaml config"
printf 'disable: [GEN-002]\n' >"$tmp/up/repo/.noticelint.yml"
run --format jsonl "$tmp/up/repo/n.txt"
expect 2 "both config names in one directory"
has "up/repo holds both .noticelint.yml and .noticelint.yaml; keep one [config-two-files]" "$err" \
	"both config names in one directory"
[ -z "$out" ] || bad "both config names: a report was written"
rm "$tmp/up/repo/.noticelint.yml"
printf 'root: "yes"\n' >"$tmp/up/repo/.noticelint.yaml"
run "$tmp/up/repo/n.txt"
expect 2 "root: not a boolean"
has ".noticelint.yaml:1:7: error: config key 'root' must be true or false [config-wrong-type]" "$err" \
	"root: not a boolean"

# --encoding: auto detects GB18030; forcing UTF-8 reports its bytes; a bad name is usage.
gb=$src/fixtures/input/gb18030.txt
run --format jsonl "$gb"
has '"message":"input decoded from GB18030 to UTF-8"' "$out" "auto encoding"
run --format jsonl --encoding UTF-8 "$gb"
has '"rule":"input-invalid-utf8"' "$out" "--encoding UTF-8"
hasnt 'decoded from GB18030' "$out" "--encoding UTF-8 not GB18030"
run --format jsonl --encoding GB18030 "$gb"
has 'decoded from GB18030' "$out" "--encoding GB18030"
run --encoding NO-SUCH-CODE a.txt
expect 2 "unknown encoding"
has "invalid value 'NO-SUCH-CODE' for --encoding" "$err" "unknown encoding"

if [ $fail -ne 0 ]; then echo "config: FAILED"; exit 1; fi
echo "config: project config, suppressions, --print-config and --encoding behave"
