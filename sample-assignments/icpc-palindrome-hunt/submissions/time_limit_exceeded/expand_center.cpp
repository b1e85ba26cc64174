// Expand around every center: O(n^2) when the string has long palindromes.
#include <bits/stdc++.h>
using namespace std;

int main() {
    string s;
    cin >> s;
    int n = s.size(), bestL = 0, bestLen = 1;
    for (int c = 0; c < 2 * n - 1; c++) {
        int l = c / 2, r = l + c % 2;
        while (l >= 0 && r < n && s[l] == s[r]) { l--; r++; }
        int len = r - l - 1;
        if (len > bestLen) { bestLen = len; bestL = l + 1; }
    }
    printf("%d %d\n", bestL + 1, bestL + bestLen);
}
