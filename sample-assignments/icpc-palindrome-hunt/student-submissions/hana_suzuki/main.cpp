// Hana Suzuki
// Assumed |s| <= 100000: the stack buffer overflows on the large tests (SIGSEGV).
#include <cstdio>
#include <cstring>

int p[200010];
char t[200010];

int main() {
    char s[100001];
    scanf("%s", s);
    int n = strlen(s), m = 0;
    t[m++] = '^';
    for (int i = 0; i < n; i++) { t[m++] = '#'; t[m++] = s[i]; }
    t[m++] = '#';
    t[m++] = '$';
    int c = 0, r = 0, best = 1;
    for (int i = 1; i < m - 1; i++) {
        p[i] = i < r ? (r - i < p[2 * c - i] ? r - i : p[2 * c - i]) : 0;
        while (t[i + p[i] + 1] == t[i - p[i] - 1]) p[i]++;
        if (i + p[i] > r) { c = i; r = i + p[i]; }
        if (p[i] > p[best]) best = i;
    }
    int start = (best - p[best]) / 2;
    printf("%d %d\n", start + 1, start + p[best]);
    return 0;
}
