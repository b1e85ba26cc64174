# Manacher's d1 array (odd-length palindromes) copied from a reference; forgot the even-length d2.
import sys

s = sys.stdin.readline().strip()
n = len(s)
d1 = [0] * n
l, r = 0, -1
for i in range(n):
    k = 1 if i > r else min(d1[l + r - i], r - i + 1)
    while i - k >= 0 and i + k < n and s[i - k] == s[i + k]:
        k += 1
    d1[i] = k
    if i + k - 1 > r:
        l, r = i - k + 1, i + k - 1
best = max(range(n), key=lambda i: d1[i])
print(best - d1[best] + 2, best + d1[best])
