#!/usr/bin/python3
"""Grade the sample assignments WITHOUT Gradebench, to check that every sample submission gets its intended verdict.

A rough stand-in for the real engine: plain rlimits (CPU, address space for native code and Python), a wall-clock
timeout, ru_maxrss for peak memory. It reads assignment.yaml (native format) or problem.yaml (ICPC legacy package)
and compares the outcome with expected-verdicts.yaml.

    /usr/bin/python3 verify-samples.py python-word-frequency [--only NAME] [--folder submissions] [-v]

Needs PyYAML (Debian: python3-yaml). Compilers: gcc, g++, javac/java, node.
"""
import argparse, os, re, resource, shutil, signal, subprocess, sys, tempfile, time, glob
import yaml

LANG_BY_EXT = {".py": "python3", ".c": "c", ".cpp": "cpp", ".cc": "cpp", ".java": "java", ".js": "javascript"}


def parse_seconds(v):
    if isinstance(v, (int, float)):
        return float(v)
    v = str(v).strip()
    if v.endswith("ms"):
        return float(v[:-2]) / 1000
    if v.endswith("s"):
        return float(v[:-1])
    return float(v)


# ---------------------------------------------------------------- checkers
NUM = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")


def tokens_check(out, ans, case_sensitive=False, space_sensitive=False, abs_tol=None, rel_tol=None):
    if space_sensitive:
        if out.rstrip("\n") != ans.rstrip("\n") and out != ans:
            # fall through to token compare only for the float case below
            if abs_tol is None and rel_tol is None:
                return False, "whitespace differs"
    a, b = out.split(), ans.split()
    if len(a) != len(b):
        return False, f"expected {len(b)} tokens, got {len(a)}"
    for i, (x, y) in enumerate(zip(a, b)):
        if (abs_tol is not None or rel_tol is not None) and NUM.match(y):
            if not NUM.match(x):
                return False, f"token {i + 1}: expected number {y}, got {x}"
            fx, fy = float(x), float(y)
            if abs(fx - fy) <= (abs_tol or 0) or abs(fx - fy) <= (rel_tol or 0) * abs(fy):
                continue
            return False, f"token {i + 1}: {x} vs {y} (beyond tolerance)"
        if (x != y) if case_sensitive else (x.lower() != y.lower()):
            return False, f"token {i + 1}: expected {y!r}, got {x!r}"
    return True, ""


def make_checker(spec, root, work):
    if spec is None:
        spec = "tokens"
    if isinstance(spec, str):
        spec = {"type": spec}
    t = spec.get("type", "tokens")
    if t == "exact":
        return lambda inp, out, ans: ((out == ans or out == ans + "\n" or out + "\n" == ans), "exact")
    if t in ("tokens", "case-insensitive", "case-sensitive", "float"):
        cs = spec.get("case_sensitive", t == "case-sensitive")
        ss = spec.get("space_change_sensitive", False)
        at = spec.get("float_absolute_tolerance", spec.get("absolute"))
        rt = spec.get("float_relative_tolerance", spec.get("relative"))
        at = None if at is None else float(at)
        rt = None if rt is None else float(rt)
        if t == "float" and at is None and rt is None:
            at = rt = 1e-6
        return lambda inp, out, ans: tokens_check(out, ans, cs, ss, at, rt)
    if t == "custom":
        prog = os.path.join(root, spec["program"])
        argv = build_validator(prog, work)
        flags = [str(f) for f in spec.get("flags", [])]

        def run(inp_path, out, ans_path):
            fb = tempfile.mkdtemp(dir=work)
            p = subprocess.run(argv + [inp_path, ans_path, fb + "/"] + flags, input=out.encode(),
                               capture_output=True, timeout=60)
            msg = ""
            jm = os.path.join(fb, "judgemessage.txt")
            if os.path.exists(jm):
                msg = open(jm).read().strip()
            if p.returncode == 42:
                return True, msg
            if p.returncode == 43:
                return False, msg
            raise RuntimeError(f"validator exit {p.returncode}: {p.stderr.decode()[:500]}")
        run.custom = True
        return run
    raise ValueError("unknown checker " + t)


def build_validator(folder, work):
    srcs = os.listdir(folder)
    cpp = [os.path.join(folder, s) for s in srcs if s.endswith((".cpp", ".cc"))]
    py = [os.path.join(folder, s) for s in srcs if s.endswith(".py")]
    if cpp:
        exe = os.path.join(work, "validator")
        subprocess.run(["g++", "-O2", "-std=gnu++17", "-o", exe] + cpp, check=True)
        return [exe]
    if py:
        return ["/usr/bin/python3", py[0]]
    raise ValueError("no validator source in " + folder)


# ---------------------------------------------------------------- tests
def load_assignment(root):
    if os.path.exists(os.path.join(root, "assignment.yaml")):
        a = yaml.safe_load(open(os.path.join(root, "assignment.yaml")))
        lim = a.get("limits", {})
        limits = dict(cpu=parse_seconds(lim.get("cpu", 2)), wall=parse_seconds(lim.get("wall", 6)),
                      memory=int(lim.get("memory", 256)), output=int(lim.get("output", 8192)))
        per = {t["name"]: t for t in a.get("tests", []) or []}
        tests = []
        for inp in sorted(glob.glob(os.path.join(root, "tests", "*.in"))):
            name = os.path.basename(inp)[:-3]
            tests.append(dict(name=name, input=inp, answer=inp[:-3] + ".out",
                              checker=per.get(name, {}).get("checker")))
        return a, limits, a.get("checker", "tokens"), tests
    y = yaml.safe_load(open(os.path.join(root, "problem.yaml")))
    tl = float(open(os.path.join(root, ".timelimit")).read().strip()) if os.path.exists(os.path.join(root, ".timelimit")) else 2.0
    mem = int(y.get("limits", {}).get("memory", 256))
    limits = dict(cpu=tl, wall=tl * 3, memory=mem, output=int(y.get("limits", {}).get("output", 8)) * 1024)
    checker = "tokens"
    if y.get("validation", "default").startswith("custom"):
        vals = sorted(os.listdir(os.path.join(root, "output_validators")))
        checker = {"type": "custom", "program": os.path.join("output_validators", vals[0]),
                   "flags": str(y.get("validator_flags", "")).split()}
    tests = []
    for sub in ("sample", "secret"):
        for inp in sorted(glob.glob(os.path.join(root, "data", sub, "**", "*.in"), recursive=True)):
            tests.append(dict(name=os.path.relpath(inp, os.path.join(root, "data"))[:-3], input=inp,
                              answer=inp[:-3] + ".ans", checker=None))
    return y, limits, checker, tests


# ---------------------------------------------------------------- compile / run
def prepare(sub_path, work, limits):
    """Returns (lang, argv, cwd) or (lang, None, compile_error)."""
    d = os.path.join(work, "prog")
    shutil.rmtree(d, ignore_errors=True)
    if os.path.isdir(sub_path):
        shutil.copytree(sub_path, d)
    else:
        os.makedirs(d)
        shutil.copy(sub_path, d)
    files = [os.path.relpath(os.path.join(dp, f), d) for dp, _, fs in os.walk(d) for f in fs]
    langs = {LANG_BY_EXT[os.path.splitext(f)[1]] for f in files if os.path.splitext(f)[1] in LANG_BY_EXT}
    if len(langs) != 1:
        return None, None, f"cannot tell the language: {sorted(langs)}"
    lang = langs.pop()
    srcs = sorted(f for f in files if LANG_BY_EXT.get(os.path.splitext(f)[1]) == lang)

    def cc(argv):
        p = subprocess.run(argv, cwd=d, capture_output=True, timeout=120)
        return p.returncode == 0, (p.stdout + p.stderr).decode(errors="replace")

    if lang == "python3":
        main = "main.py" if "main.py" in srcs else (srcs[0] if len(srcs) == 1 else None)
        if main is None:
            return lang, None, "no main.py"
        ok, err = cc(["/usr/bin/python3", "-m", "py_compile", main])
        return (lang, ["/usr/bin/python3", main], d) if ok else (lang, None, err)
    if lang in ("c", "cpp"):
        comp = ["gcc", "-O2", "-std=gnu17", "-o", "prog"] + srcs + ["-lm"] if lang == "c" else \
               ["g++", "-O2", "-std=gnu++17", "-o", "prog"] + srcs
        ok, err = cc(comp)
        return (lang, [os.path.join(d, "prog")], d) if ok else (lang, None, err)
    if lang == "java":
        ok, err = cc(["javac", "-encoding", "UTF-8", "-d", "classes"] + srcs)
        if not ok:
            return lang, None, err
        for s in srcs:
            text = open(os.path.join(d, s), encoding="utf-8").read()
            if re.search(r"static\s+void\s+main\s*\(", text):
                pkg = re.search(r"^\s*package\s+([\w.]+)\s*;", text, re.M)
                cls = os.path.splitext(os.path.basename(s))[0]
                main = (pkg.group(1) + "." if pkg else "") + cls
                return lang, ["java", f"-Xmx{limits['memory']}m", "-Xss64m", "-cp", os.path.join(d, "classes"), main], d
        return lang, None, "no main class"
    if lang == "javascript":
        main = next((m for m in ("main.js", "index.js") if m in srcs), srcs[0] if len(srcs) == 1 else None)
        return lang, ["node", f"--max-old-space-size={limits['memory']}", main], d
    return lang, None, "unsupported"


def run_one(argv, cwd, inp, lang, limits, work):
    cpu, wall, mem = limits["cpu"], limits["wall"], limits["memory"]

    def pre():
        os.setsid()
        c = int(cpu) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (c, c + 1))
        if lang in ("python3", "c", "cpp"):
            resource.setrlimit(resource.RLIMIT_AS, (mem << 20, mem << 20))
            resource.setrlimit(resource.RLIMIT_STACK, (mem << 20, mem << 20))
    outp, errp = os.path.join(work, "out.txt"), os.path.join(work, "err.txt")
    with open(inp, "rb") as fi, open(outp, "wb") as fo, open(errp, "wb") as fe:
        start = time.monotonic()
        p = subprocess.Popen(argv, cwd=cwd, stdin=fi, stdout=fo, stderr=fe, preexec_fn=pre)
        killed_wall = False
        while True:
            pid, status, ru = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > wall:
                os.killpg(p.pid, signal.SIGKILL)
                killed_wall = True
                pid, status, ru = os.wait4(p.pid, 0)
                break
            time.sleep(0.01)
        p.returncode = 0
    used = ru.ru_utime + ru.ru_stime
    peak = ru.ru_maxrss / 1024
    out = open(outp, "rb").read()
    err = open(errp, "rb").read().decode(errors="replace")
    sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else -1
    info = f"cpu={used:.2f}s wall={time.monotonic() - start:.2f}s peak={peak:.0f}MiB exit={code} sig={sig}"
    if used > cpu or killed_wall or sig == signal.SIGXCPU:
        return "TLE", out, err, info
    oom_text = re.search(r"MemoryError|bad_alloc|OutOfMemoryError|heap out of memory|Cannot allocate memory", err)
    if peak > mem or ((sig or code) and (oom_text or peak > 0.8 * mem)):
        return "MLE", out, err, info
    if len(out) > limits["output"] * 1024:
        return "OLE", out, err, info
    if sig or code:
        return "RE", out, err, info
    return "OK", out, err, info


def grade(root, sub_path, limits, checker, tests, work, verbose):
    lang, argv, cwd = prepare(sub_path, work, limits)
    if argv is None:
        if verbose:
            print("   compile:", cwd.strip().splitlines()[:3])
        return "CE", 0, []
    verdicts = []
    for t in tests:
        v, out, err, info = run_one(argv, cwd, t["input"], lang, limits, work)
        msg = ""
        if v == "OK":
            chk = make_checker(t["checker"], root, work) if t["checker"] else checker
            text = out.decode(errors="replace")
            if getattr(chk, "custom", False):
                ok, msg = chk(t["input"], text, t["answer"])
            else:
                ok, msg = chk(t["input"], text, open(t["answer"]).read())
            v = "AC" if ok else "WA"
        verdicts.append(v)
        if verbose:
            print(f"   {t['name']:<28} {v:<4} {info} {msg[:100]}")
    bad = [v for v in verdicts if v != "AC"]
    return (bad[0] if bad else "AC"), verdicts.count("AC"), verdicts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("assignment")
    ap.add_argument("--only", action="append")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    root = os.path.abspath(args.assignment)
    _, limits, checker_spec, tests = load_assignment(root)
    expected = yaml.safe_load(open(os.path.join(root, "expected-verdicts.yaml")))
    assert expected["tests"] == len(tests), f"expected-verdicts says {expected['tests']} tests, found {len(tests)}"
    failures = 0
    with tempfile.TemporaryDirectory() as work:
        checker = make_checker(checker_spec, root, work)
        for folder, subs in expected["folders"].items():
            present = sorted(os.listdir(os.path.join(root, folder)))
            missing = set(present) - set(subs)
            if missing:
                print(f"!! {folder}: no expectation for {sorted(missing)}")
                failures += 1
            for name, exp in subs.items():
                if args.only and name not in args.only:
                    continue
                v, n_ac, per = grade(root, os.path.join(root, folder, name), limits, checker, tests, work, args.verbose)
                mixed = len({x for x in per if x != "AC"}) > 1
                ok = v == exp["verdict"] and n_ac == exp["accepted"] and not mixed
                failures += not ok
                print(f"{'ok' if ok else 'XX'} {folder}/{name}: {v} {n_ac}/{len(tests)}"
                      f" (expected {exp['verdict']} {exp['accepted']}){' MIXED ' + str(per) if mixed else ''}", flush=True)
    print("all as expected" if not failures else f"{failures} mismatch(es)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
