import sys
import re
from collections import Counter

data = sys.stdin.read().splitlines()
K = int(data[0])
words = []
for line in data[1:]:
    words += re.findall(r"[a-z]+", line.lower())

cnt = Counter(words)
total = len(words)
if total:
    x = (sum(len(w) for w in words) * 200 + total) // (2 * total)
else:
    x = 0
print(total, len(cnt), f"{x // 100}.{x % 100:02d}")

# sort by count, biggest first
result = sorted(cnt.items(), key=lambda p: (p[1], p[0]), reverse=True)
for w, c in result[:K]:
    print(w, c)
