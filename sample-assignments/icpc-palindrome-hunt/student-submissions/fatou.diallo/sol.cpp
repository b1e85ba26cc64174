// Fatou Diallo
// Correct algorithm, but prints 0-based positions.
#include <bits/stdc++.h>
using namespace std;

int main() {
    string s;
    cin >> s;
    string t = "^#";
    for (char c : s) { t += c; t += '#'; }
    t += '$';
    vector<int> p(t.size(), 0);
    int c = 0, r = 0;
    for (int i = 1; i + 1 < (int)t.size(); i++) {
        if (i < r) p[i] = min(r - i, p[2 * c - i]);
        while (t[i + p[i] + 1] == t[i - p[i] - 1]) p[i]++;
        if (i + p[i] > r) { c = i; r = i + p[i]; }
    }
    int best = max_element(p.begin(), p.end()) - p.begin();
    int start = (best - p[best]) / 2;
    cout << start << " " << start + p[best] - 1 << endl;
}
