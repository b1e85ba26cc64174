import sys
import re

k = int(sys.stdin.readline())
text = sys.stdin.read()
words = re.findall(r"[a-z]+", text.lower())
print("number of words:", len(words))   # TODO remove before submitting

freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
n = len(words)
h = (200 * sum(map(len, words)) + n) // (2 * n) if n else 0
print("%d %d %d.%02d" % (n, len(freq), h // 100, h % 100))
for w in sorted(freq, key=lambda w: (-freq[w], w))[:k]:
    print(w, freq[w])
