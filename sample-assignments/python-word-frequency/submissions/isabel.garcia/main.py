import sys, re

k = int(sys.stdin.readline())
words = re.findall(r"[a-z]+", sys.stdin.read().lower())
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1

if len(words) == 0:
    print "0 0 0.00"
else:
    h = (200 * sum(len(w) for w in words) + len(words)) // (2 * len(words))
    print("%d %d %d.%02d" % (len(words), len(freq), h // 100, h % 100))
for w in sorted(freq, key=lambda x: (-freq[x], x))[:k]:
    print(w, freq[w])
