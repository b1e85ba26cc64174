# Lab 4 - word frequencies
# Alice Nguyen

import re
import sys
from collections import Counter

WORD = re.compile(r"[A-Za-z]+")


def average_hundredths(letters, total):
    """letters/total in hundredths, rounded half up (integer maths so 3.625 -> 363)."""
    if total == 0:
        return 0
    return (200 * letters + total) // (2 * total)


def main():
    k = int(sys.stdin.readline())
    counts = Counter()
    for line in sys.stdin:
        counts.update(w.lower() for w in WORD.findall(line))

    total = sum(counts.values())
    letters = sum(len(w) * c for w, c in counts.items())
    h = average_hundredths(letters, total)
    print(total, len(counts), "%d.%02d" % (h // 100, h % 100))

    for word, c in sorted(counts.items(), key=lambda p: (-p[1], p[0]))[:k]:
        print(word, c)


main()
