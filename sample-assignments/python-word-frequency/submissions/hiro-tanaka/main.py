import re
import sys

k = int(sys.stdin.readline())

counts = {}
history = []   # counts after every line, for checking my running totals
total = letters = 0
for line in sys.stdin:
    for w in re.findall(r"[a-z]+", line.lower()):
        counts[w] = counts.get(w, 0) + 1
        total += 1
        letters += len(w)
    history.append(dict(counts))
    # print(len(history), counts)

if total:
    h = (200 * letters + total) // (2 * total)
else:
    h = 0
print("%d %d %d.%02d" % (total, len(counts), h // 100, h % 100))
best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for w, c in best[:k]:
    print(w, c)
