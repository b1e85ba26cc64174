import sys
import re

k = int(sys.stdin.readline())
words = re.findall(r"[A-Za-z]+", sys.stdin.read())
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
n = len(words)
if n == 0:
    print("0 0 0.00")
else:
    h = (sum(len(w) for w in words) * 200 + n) // (2 * n)
    print(n, len(counts), "%d.%02d" % (h // 100, h % 100))
ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
for w, c in ordered[:k]:
    print(w.lower(), c)
