import sys
import re
from collections import Counter

DEBUG = True


def log(*args):
    # debug output goes to stderr so the grader ignores it
    if DEBUG:
        print("[debug]", *args, file=sys.stderr)


k = int(sys.stdin.readline())
text = sys.stdin.read()
log("k =", k, "chars =", len(text))
words = re.findall(r"[a-z]+", text.lower())
log("words:", len(words))
counter = Counter(words)
n = len(words)
hund = (sum(len(w) for w in words) * 200 + n) // (2 * n) if n else 0
print(n, len(counter), "{}.{:02d}".format(hund // 100, hund % 100))
for w, c in sorted(counter.items(), key=lambda t: (-t[1], t[0]))[:k]:
    print(w, c)
log("done")
