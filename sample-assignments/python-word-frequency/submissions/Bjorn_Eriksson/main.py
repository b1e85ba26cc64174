import sys
from textutils import split_words, two_decimals

lines = sys.stdin.read().split("\n")
k = int(lines[0])

freq = {}
total = 0
letters = 0
for line in lines[1:]:
    for w in split_words(line):
        freq[w] = freq.get(w, 0) + 1
        total += 1
        letters += len(w)

print(f"{total} {len(freq)} {two_decimals(letters, total)}")
order = sorted(freq, key=lambda w: (-freq[w], w))
for w in order[:k]:
    print(f"{w} {freq[w]}")
