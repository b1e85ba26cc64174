// Jasmin Bauer - Manacher
#include <bits/stdc++.h>
using namespace std;

int main() {
    string s;
    cin >> s;
    int n = s.size();
    // t = ^#a#b#...#$ so that every palindrome has odd length in t
    string t = "^#";
    for (char c : s) { t += c; t += '#'; }
    t += '$';
    int m = t.size();
    vector<int> p(m, 0);
    int center = 0, right = 0
    for (int i = 1; i < m - 1; i++) {
        if (i < right) p[i] = min(right - i, p[2 * center - i]);
        while (t[i + p[i] + 1] == t[i - p[i] - 1]) p[i]++;
        if (i + p[i] > right) { center = i; right = i + p[i]; }
    }
    int best = max_element(p.begin(), p.end()) - p.begin();
    int len = p[best];
    int start = (best - len) / 2;  // 0-based start in s
    (void)n;
    printf("%d %d\n", start + 1, start + len);
}
