import re

k = int(input())
line = input()          # the text
words = re.findall("[a-z]+", line.lower())
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
if words:
    n = len(words)
    h = (sum(len(w) for w in words) * 200 + n) // (2 * n)
else:
    n, h = 0, 0
print(n, len(freq), "%d.%02d" % (h // 100, h % 100))
for w in sorted(freq, key=lambda x: (-freq[x], x))[:k]:
    print(w, freq[w])
