#!/usr/bin/python3
"""Regenerates tests/*.in with a fixed seed and tests/*.out with the reference solution (solution/fence.c).

    /usr/bin/python3 generate.py        (needs gcc)
"""
import math
import os
import random
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.join(HERE, "tests")


def fmt(points):
    return f"{len(points)}\n" + "".join(f"{x} {y}\n" for x, y in points)


def tests():
    rng = random.Random(6)
    yield "01-sample-square", fmt([(0, 0), (4, 0), (4, 3), (0, 3), (2, 1)])
    yield "02-sample-triangle", fmt([(0, 0), (5, 0), (2, 3), (3, 0), (2, 2), (3, 1)])
    yield "03-single-tree", fmt([(7, -3)])
    yield "04-two-trees", fmt([(-2, 1), (4, 9)])
    yield "05-collinear", fmt([(1 + 2 * i, -3 + 3 * i) for i in (4, 0, 6, 2, 1, 5)])
    yield "06-duplicates", fmt([(1, 1), (6, 1), (1, 1), (1, 4), (6, 1), (2, 2), (1, 4), (1, 1), (3, 2)])
    yield "07-random-small", fmt([(rng.randint(-100, 100), rng.randint(-100, 100)) for _ in range(60)])
    yield "08-small-dense", fmt([(rng.randint(-30, 30), rng.randint(-30, 30)) for _ in range(400)])
    big = 10 ** 6
    yield "09-large-random", fmt([(rng.randint(-big, big), rng.randint(-big, big)) for _ in range(8000)])
    circle = []
    for _ in range(8000):
        a = rng.uniform(0, 2 * math.pi)
        circle.append((round(big * math.cos(a)), round(big * math.sin(a))))
    yield "10-large-circle", fmt(circle)
    # Many trees exactly on the hull's edges (|x| + |y| = 10^6) and inside it.
    diamond = []
    for _ in range(8000):
        x = rng.randint(-big, big)
        r = big - abs(x)
        diamond.append((x, rng.choice((r, -r)) if rng.random() < 0.5 else rng.randint(-r, r)))
    yield "11-large-diamond", fmt(diamond)


def main():
    os.makedirs(TESTS, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        exe = os.path.join(tmp, "fence")
        subprocess.run(["gcc", "-O2", "-o", exe, os.path.join(HERE, "solution", "fence.c"), "-lm"], check=True)
        for name, text in tests():
            inp = os.path.join(TESTS, name + ".in")
            with open(inp, "w") as f:
                f.write(text)
            with open(inp) as fin, open(os.path.join(TESTS, name + ".out"), "w") as fout:
                subprocess.run([exe], stdin=fin, stdout=fout, check=True)
            print(f"{name}: {os.path.getsize(inp)} bytes -> {open(os.path.join(TESTS, name + '.out')).read().strip()}")


if __name__ == "__main__":
    main()
