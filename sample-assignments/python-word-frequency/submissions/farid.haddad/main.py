import sys, re
from collections import defaultdict

k = int(sys.stdin.readline())
freq = defaultdict(int)
n_words = 0
n_letters = 0
for line in sys.stdin:
    for w in re.findall(r'[a-z]+', line.lower()):
        freq[w] += 1
        n_words += 1
        n_letters += len(w)

hundredths = (n_letters * 100 * 2 // n_words + 1) // 2
print(n_words, len(freq), '%d.%02d' % divmod(hundredths, 100))
for w in sorted(freq, key=lambda x: (-freq[x], x))[:k]:
    print(w, freq[w])
