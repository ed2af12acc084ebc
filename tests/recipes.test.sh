#!/usr/bin/env bash
# The CI recipes of README.md, run as written: every block marked <!-- recipe: NAME --> is
# extracted and its commands run against a scratch notices repository (git init, a few
# notices, no baseline yet), in the way its CI system would run them. A copy of this source
# tree, committed to a scratch git repository, stands in for noticelint's own repository
# (no network). GitHub Actions: the steps in order (`if: always()` after a failure, GITHUB_PATH
# between steps), checkout and upload-sarif emulated; GitLab CI: before_script and script in
# one shell, the Code Quality artifact checked; plain shell: the block under sh -e with the
# binary under test on PATH. Each first run must gate (status 1) and leave a valid report;
# after `--write-baseline` the gate passes.
# Usage: recipes.test.sh path/to/noticelint source-dir
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$2" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nl-recipes.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
command -v git >/dev/null || { echo "recipes: FAIL: git is not installed"; exit 1; }
python3 -c 'import yaml' 2>/dev/null ||
	{ echo "recipes: FAIL: python3-yaml is not installed (tools/deps.sh --test)"; exit 1; }
export HOME=$tmp/home GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org \
	GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org
mkdir -p "$HOME"
unset NOTICELINT_RULES NO_COLOR
export src

# noticelint's repository: this tree as it is now (build directories and .git left out).
up=$tmp/noticelint.git
mkdir -p "$up"
tar -C "$src" --exclude='./build*' --exclude=./.git -cf - . | tar -C "$up" -xf - || exit 1
(cd "$up" && git init -q && git add -A && git commit -q -m snapshot) || exit 1

# A notices repository: three notices, two with errors, committed; no baseline.
mknotices() {
	mkdir -p "$1/notices/2025"
	cp "$src/fixtures/seeds/000_2800b427cfbef2a5.txt" "$1/notices/2025/区委巡察整改通报.txt"
	cp "$src/fixtures/seeds/002_4720707dcb0128ec.txt" "$1/notices/2025/市委巡察整改通报.txt"
	cp "$src/fixtures/seeds/004_6abf08291da1f359.txt" "$1/notices/县委巡察整改通报.txt"
	printf '# notices\n' >"$1/README.md"
	(cd "$1" && git init -q && git add -A && git commit -q -m notices)
}

python3 - "$src/README.md" "$tmp" "$up" "$bin" "$(declare -f mknotices)" <<'PY'
import json, os, re, shutil, subprocess, sys
import yaml

readme, tmp, upstream, binary, mknotices = sys.argv[1:]
failures = []

def bad(msg):
    print("recipes: FAIL: " + msg)
    failures.append(msg)

def recipe(name):
    text = open(readme, encoding="utf-8").read()
    m = re.search(r"<!-- recipe: %s -->\n```[a-z]*\n(.*?)\n```" % re.escape(name), text, re.S)
    if not m:
        bad("README has no block marked <!-- recipe: %s -->" % name)
        return None
    return m.group(1)

def new_repo(name):
    ws = os.path.join(tmp, name)
    subprocess.run(["bash", "-c", mknotices + '\nmknotices "$1"', "-", ws], check=True)
    return ws

def sh(script, cwd, env, shell=("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c")):
    p = subprocess.run(list(shell) + [script], cwd=cwd, env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True)
    return p.returncode, p.stdout

def write_baseline(ws, env):
    rc, out = sh("noticelint --write-baseline .noticelint-baseline.json notices/", ws, env)
    if rc != 1 or not os.path.exists(os.path.join(ws, ".noticelint-baseline.json")):
        bad("--write-baseline as README shows it: status %d: %s" % (rc, out[-500:]))

def check_paths(paths, what):
    if not paths:
        bad(what + ": no findings at all")
    for p in paths:
        if not p.startswith("notices/"):
            bad("%s: path %r is not relative to the repository root" % (what, p))

def check_sarif(path):
    try:
        run = json.load(open(path))["runs"][0]
    except Exception as e:
        bad("SARIF %s does not parse: %s" % (path, e))
        return
    if "SRCROOT" not in run.get("originalUriBaseIds", {}):
        bad("SARIF has no SRCROOT")
    locs = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    if any(l.get("uriBaseId") != "SRCROOT" for l in locs):
        bad("SARIF URIs are not relative to SRCROOT")
    check_paths([l["uri"] for l in locs], "SARIF")
    if not all("partialFingerprints" in r for r in run["results"]):
        bad("SARIF results without fingerprints")

def check_gitlab(path):
    try:
        issues = json.load(open(path))
    except Exception as e:
        bad("Code Quality report %s does not parse: %s" % (path, e))
        return
    for i in issues:
        if not all(k in i for k in ("description", "check_name", "fingerprint", "severity")) \
                or not isinstance(i["location"]["lines"]["begin"], int):
            bad("Code Quality issue lacks a field: %r" % i)
            break
    check_paths(sorted({i["location"]["path"] for i in issues}), "Code Quality")

# --- GitHub Actions ---------------------------------------------------------------------
def github():
    text = recipe("github-actions")
    if text is None:
        return
    wf = yaml.safe_load(text)
    jobs = list(wf["jobs"].values())
    if len(jobs) != 1:
        bad("the GitHub recipe should have one job")
        return
    steps = jobs[0]["steps"]
    ws = new_repo("gh")
    ghpath = os.path.join(tmp, "gh-path")
    open(ghpath, "w").close()
    base_env = dict(os.environ, GITHUB_PATH=ghpath, GITHUB_WORKSPACE=ws, CI="true")

    def env():
        extra = [l.strip() for l in open(ghpath) if l.strip()]
        return dict(base_env, PATH=":".join(list(reversed(extra)) + [os.environ["PATH"]]))

    def run_steps(selected):
        failed, results = False, {}
        for st in selected:
            name = st.get("name") or st.get("uses") or st.get("run", "").split("\n")[0]
            if failed and st.get("if") != "always()":
                continue
            if "uses" in st:
                action, w = st["uses"].split("@")[0], st.get("with", {})
                if action == "actions/checkout":
                    if "repository" in w:
                        # Another repository into w["path"]: the local copy stands in.
                        p = subprocess.run(["git", "clone", "-q", upstream, w["path"]], cwd=ws,
                                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                           text=True)
                        rc, out = p.returncode, p.stdout
                    else:
                        rc, out = 0, ""   # the notices repository is the workspace
                elif action == "github/codeql-action/upload-sarif":
                    f = os.path.join(ws, w["sarif_file"])
                    rc, out = (0, "") if os.path.exists(f) else (1, "no " + f)
                    if rc == 0:
                        check_sarif(f)
                else:
                    bad("the GitHub recipe uses an action the test does not know: " + action)
                    rc, out = 1, ""
            else:
                rc, out = sh(st["run"], ws, env())
            results[name] = (rc, out)
            failed = failed or rc != 0
        return results

    res = run_steps(steps)
    build = [k for k in res if k.startswith("Build")]
    if not build or res[build[0]][0] != 0:
        bad("GitHub: building noticelint failed: %s" % (res[build[0]][1][-2000:] if build else "no step"))
        return
    rc, out = res.get("Gate", (None, ""))
    if rc != 1 or "::error file=notices/" not in out:
        bad("GitHub: the gate on defective notices without a baseline: status %r: %s" % (rc, out[-800:]))
    rc, out = res.get("SARIF report", (None, ""))
    if rc != 0:
        bad("GitHub: the SARIF step failed: %r %s" % (rc, out[-800:]))
    if not any(k.startswith("github/codeql-action/upload-sarif") for k in res):
        bad("GitHub: the upload step did not run after the failed gate")
    # Adopt: record a baseline, run the job's lint steps again: the gate passes.
    write_baseline(ws, env())
    later = [s for s in steps if s.get("name") in ("Gate", "SARIF report")]
    res = run_steps(later)
    if res.get("Gate", (None,))[0] != 0:
        bad("GitHub: the gate with a baseline: %r" % (res.get("Gate"),))

# --- GitLab CI --------------------------------------------------------------------------
def gitlab():
    text = recipe("gitlab-ci")
    if text is None:
        return
    doc = yaml.safe_load(text)
    job = doc["noticelint"]
    ws = new_repo("gl")
    env = dict(os.environ, CI_PROJECT_DIR=ws, CI="true")
    env.update({k: str(v) for k, v in job.get("variables", {}).items()})
    if "NOTICELINT_GIT" not in env:
        bad("GitLab: the recipe has no NOTICELINT_GIT variable to point at the local copy")
    env["NOTICELINT_GIT"] = "file://" + upstream
    lines = job.get("before_script", []) + job["script"]
    rc, out = sh("\n".join(lines), ws, env)
    report = os.path.join(ws, job["artifacts"]["reports"]["codequality"])
    if rc != 1:
        bad("GitLab: the job on defective notices: status %d (expected 1): %s" % (rc, out[-2000:]))
    if job["artifacts"].get("when") != "always":
        bad("GitLab: the artifact is not kept when the gate fails")
    if os.path.exists(report):
        check_gitlab(report)
    else:
        bad("GitLab: no Code Quality report at " + report)
    env["PATH"] = os.path.join(ws, ".noticelint", "bin") + ":" + env["PATH"]
    write_baseline(ws, env)
    rc, out = sh("\n".join(job["script"]), ws, env)
    if rc != 0:
        bad("GitLab: the script with a baseline: status %d: %s" % (rc, out[-800:]))

# --- plain shell ------------------------------------------------------------------------
def shell():
    text = recipe("shell")
    if text is None:
        return
    ws = new_repo("sh")
    shim = os.path.join(tmp, "shim")
    os.makedirs(shim, exist_ok=True)
    link = os.path.join(shim, "noticelint")
    if not os.path.exists(link):
        os.symlink(binary, link)
    env = dict(os.environ, PATH=shim + ":" + os.environ["PATH"])
    rc, out = sh(text, ws, env, shell=("sh", "-c"))
    if rc != 1:
        bad("shell: status %d on defective notices (expected 1): %s" % (rc, out[-800:]))
    try:
        doc = json.load(open(os.path.join(ws, "noticelint.json")))
        check_paths([f["path"] for f in doc["files"] if f["diagnostics"]], "shell JSON report")
    except Exception as e:
        bad("shell: no valid noticelint.json: %s" % e)
    write_baseline(ws, env)
    rc, out = sh(text, ws, env, shell=("sh", "-c"))
    if rc != 0:
        bad("shell: status %d with a baseline: %s" % (rc, out[-800:]))

shell()
github()
gitlab()
sys.exit(1 if failures else 0)
PY
rc=$?
if [ $rc -ne 0 ]; then echo "recipes: FAILED"; exit 1; fi
echo "recipes: the GitHub Actions, GitLab CI and shell recipes of README.md run as written"
