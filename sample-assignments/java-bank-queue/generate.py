#!/usr/bin/python3
"""Regenerates tests/*.in with a fixed seed and tests/*.out with the reference solution (solution/BankQueue.java).

    /usr/bin/python3 generate.py        (needs javac and java)
"""
import os
import random
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TESTS = os.path.join(HERE, "tests")


def fmt(k, customers):
    return f"{len(customers)} {k}\n" + "".join(f"{a} {s}\n" for a, s in customers)


def arrivals(rng, n, gap_max, service_lo, service_hi, start=0):
    t, out = start, []
    for _ in range(n):
        t += rng.randint(0, gap_max)
        out.append((t, rng.randint(service_lo, service_hi)))
    return out


def tests():
    rng = random.Random(5)
    yield "01-sample", fmt(2, [(0, 5), (1, 3), (2, 4), (4, 1), (10, 2), (10, 2)])
    yield "02-single-customer", fmt(3, [(42, 7)])
    yield "03-all-at-once", fmt(3, [(0, s) for s in (4, 2, 3, 1, 1, 5, 2, 2)])
    # Teller 1 frees up at 10 and teller 2 at 3: at time 20 both are free and teller 1 (lowest number) serves.
    yield "04-lowest-free-teller", fmt(3, [(0, 10), (0, 3), (0, 1), (20, 5), (20, 5), (21, 1), (40, 2), (60, 1)])
    yield "05-same-finish-times", fmt(4, [(0, 6), (0, 6), (0, 6), (0, 6), (1, 2), (1, 2), (2, 9), (2, 1), (6, 1)])
    # One teller, long services: start times pass 2^31 and the total wait passes 2^31 as well.
    yield "06-one-teller-overflow", fmt(1, arrivals(rng, 3000, 3, 900_000, 1_000_000))
    yield "07-medium-random", fmt(5, arrivals(rng, 2000, 60, 1, 300))
    yield "08-large-sparse", fmt(20, arrivals(rng, 15000, 130_000, 1, 1_000_000))
    # Rush hour: everybody arrives within a few hours, the queue grows to thousands.
    yield "09-large-rush-hour", fmt(10, arrivals(rng, 15000, 2, 100_000, 300_000, start=9 * 10 ** 8))
    yield "10-large-many-tellers", fmt(1000, arrivals(rng, 15000, 130_000, 1, 1_000_000, start=1))


def main():
    os.makedirs(TESTS, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["javac", "-d", tmp, os.path.join(HERE, "solution", "BankQueue.java")], check=True)
        for name, text in tests():
            inp = os.path.join(TESTS, name + ".in")
            with open(inp, "w") as f:
                f.write(text)
            with open(inp) as fin, open(os.path.join(TESTS, name + ".out"), "w") as fout:
                subprocess.run(["java", "-cp", tmp, "BankQueue"], stdin=fin, stdout=fout, check=True)
            print(f"{name}: {os.path.getsize(inp)} bytes")


if __name__ == "__main__":
    main()
