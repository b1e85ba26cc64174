# Grace Obi
# word frequency lab

import sys

def is_letter(c):
    return ('a' <= c <= 'z') or ('A' <= c <= 'Z')

def get_words(line):
    words = []
    w = ''
    for c in line:
        if is_letter(c):
            w = w + c.lower()
        else:
            if w != '':
                words.append(w)
            w = ''
    if w != '':
        words.append(w)
    return words

k = int(sys.stdin.readline())

# list of [word, count] pairs
table = []
total = 0
letters = 0
for line in sys.stdin:
    for w in get_words(line):
        total += 1
        letters += len(w)
        found = False
        for pair in table:
            if pair[0] == w:
                pair[1] += 1
                found = True
                break
        if not found:
            table.append([w, 1])

if total == 0:
    avg = '0.00'
else:
    h = (letters * 200 + total) // (total * 2)
    avg = str(h // 100) + '.' + ('0' + str(h % 100))[-2:]
print(total, len(table), avg)

table.sort(key=lambda p: (-p[1], p[0]))
for i in range(min(k, len(table))):
    print(table[i][0], table[i][1])
