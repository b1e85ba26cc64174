#!/usr/bin/env python3
"""Word frequency counter -- Dmitri Volkov, group B."""
import sys
import re
from collections import Counter


def read_input():
    k = int(sys.stdin.readline().strip())
    text = sys.stdin.read()
    return k, text


def main():
    k, text = read_input()
    words = [w.lower() for w in re.findall(r"[a-zA-Z]+", text)]
    c = Counter(words)
    avg = sum(map(len, words)) / len(words) if words else 0.0
    print(f"{len(words)} {len(c)} {avg:.2f}")
    # most_common keeps insertion order for ties, so sort myself
    for w, n in sorted(c.items(), key=lambda t: (-t[1], t[0]))[:k]:
        print(f"{w} {n}")


if __name__ == "__main__":
    main()
