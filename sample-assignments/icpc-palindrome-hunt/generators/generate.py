#!/usr/bin/python3
"""Regenerates data/**/*.in with a fixed seed and the .ans files with the reference submission
(submissions/accepted/manacher.cpp). Run from anywhere:

    /usr/bin/python3 generators/generate.py        (needs g++)
"""
import os
import random
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
N_MAX = 250_000


def fibonacci_word(n):
    a, b = "a", "ab"
    while len(b) < n:
        a, b = b, b + a
    return b[:n]


def cases():
    rng = random.Random(2023)
    yield "sample/1", "abacdfgdcaba"
    yield "sample/2", "cbbd"
    yield "secret/small/01-single-letter", "z"
    yield "secret/small/02-all-distinct", "qwertyuiopasdfghjklzxcvbnm"
    yield "secret/small/03-whole-string", "redivider"
    yield "secret/small/04-even-longest", "xyabcddcbaxyzzyq"
    yield "secret/small/05-random-small", "".join(rng.choice("ab") for _ in range(1000))
    yield "secret/small/06-random-medium", "".join(rng.choice("abc") for _ in range(30_000))
    yield "secret/large/07-all-same", "a" * N_MAX
    yield "secret/large/08-alternating", "ab" * (N_MAX // 2)
    yield "secret/large/09-two-blocks", "a" * (N_MAX // 2 - 1) + "b" + "a" * (N_MAX // 2)
    yield "secret/large/10-random-large", "".join(rng.choice("ab") for _ in range(N_MAX))
    yield "secret/large/11-fibonacci-word", fibonacci_word(N_MAX)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        exe = os.path.join(tmp, "manacher")
        subprocess.run(["g++", "-O2", "-o", exe, os.path.join(ROOT, "submissions", "accepted", "manacher.cpp")],
                       check=True)
        for name, s in cases():
            base = os.path.join(ROOT, "data", name)
            os.makedirs(os.path.dirname(base), exist_ok=True)
            with open(base + ".in", "w") as f:
                f.write(s + "\n")
            with open(base + ".in") as fin, open(base + ".ans", "w") as fout:
                subprocess.run([exe], stdin=fin, stdout=fout, check=True)
            print(f"{name}: n={len(s)} -> {open(base + '.ans').read().strip()}")


if __name__ == "__main__":
    main()
