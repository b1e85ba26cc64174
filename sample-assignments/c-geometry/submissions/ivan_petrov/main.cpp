// Ivan Petrov
// Gift wrapping (Jarvis march). I precompute all the distances first so I don't recompute sqrt.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    scanf("%d", &n);
    vector<long long> x(n), y(n);
    for (int i = 0; i < n; i++) scanf("%lld %lld", &x[i], &y[i]);

    vector<vector<double>> dist(n, vector<double>(n));
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            dist[i][j] = sqrt(double((x[i] - x[j]) * (x[i] - x[j]) + (y[i] - y[j]) * (y[i] - y[j])));

    int start = 0;
    for (int i = 1; i < n; i++)
        if (x[i] < x[start] || (x[i] == x[start] && y[i] < y[start])) start = i;

    double per = 0;
    long long area2 = 0;
    int cur = start;
    do {
        int nxt = cur == 0 ? 1 % n : 0;
        for (int i = 0; i < n; i++) {
            if (i == cur) continue;
            long long c = (x[nxt] - x[cur]) * (y[i] - y[cur]) - (y[nxt] - y[cur]) * (x[i] - x[cur]);
            // i is more to the right, or on the same line but farther away
            if (c < 0 || (c == 0 && dist[cur][i] > dist[cur][nxt])) nxt = i;
        }
        per += dist[cur][nxt];
        area2 += x[cur] * y[nxt] - x[nxt] * y[cur];
        cur = nxt;
    } while (cur != start && dist[cur][start] > 0);
    if (cur != start) {   // stopped on a duplicate of the start point
        per += dist[cur][start];
        area2 += x[cur] * y[start] - x[start] * y[cur];
    }
    printf("%.6f %.1f\n", per, fabs((double)area2) / 2);
}
