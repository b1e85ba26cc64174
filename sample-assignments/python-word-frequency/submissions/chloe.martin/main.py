import sys
import re

def main():
    k = int(input())
    text = sys.stdin.read().lower()
    words = re.findall("[a-z]+", text)
    counts = {}
    for w in words:
        if w in counts:
            counts[w] += 1
        else:
            counts[w] = 1
    if len(words) > 0:
        avg = round(sum(len(w) for w in words) / len(words), 2)
    else:
        avg = 0.0
    print(len(words), len(counts), avg)
    items = sorted(counts.items(), key=lambda x: (-x[1], x[0]))
    for i in range(min(k, len(items))):
        print(items[i][0], items[i][1])

main()
