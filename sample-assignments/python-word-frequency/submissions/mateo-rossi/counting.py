import re

_WORD = re.compile(r"[a-zA-Z]+")


class WordStats:
    def __init__(self):
        self.freq = {}
        self.total = 0
        self.letters = 0

    def add_line(self, line):
        for m in _WORD.finditer(line):
            w = m.group().lower()
            self.freq[w] = self.freq.get(w, 0) + 1
            self.total += 1
            self.letters += len(w)

    def average(self):
        if self.total == 0:
            return "0.00"
        q, r = divmod(self.letters * 100, self.total)
        if 2 * r >= self.total:   # round half up
            q += 1
        return "%d.%02d" % divmod(q, 100)

    def top(self, k):
        return sorted(self.freq.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
