# Try every length from the longest down, every start: O(n^3) in the worst case.
s = input().strip()
n = len(s)
for length in range(n, 0, -1):
    found = None
    for start in range(n - length + 1):
        sub = s[start:start + length]
        if sub == sub[::-1]:
            found = start
            break
    if found is not None:
        print(found + 1, found + length)
        break
