/*
 * Laura Rossi - Laboratorio 6
 * Gift wrapping: O(n*h). Fast enough because the hull is usually small.
 */
#include <stdio.h>
#include <stdlib.h>
#include <math.h>

static long long X[10000], Y[10000];

static long long cross(int o, int a, int b)
{
    return (X[a] - X[o]) * (Y[b] - Y[o]) - (Y[a] - Y[o]) * (X[b] - X[o]);
}

static long long d2(int a, int b)
{
    return (X[a] - X[b]) * (X[a] - X[b]) + (Y[a] - Y[b]) * (Y[a] - Y[b]);
}

int main(void)
{
    int n;
    if (scanf("%d", &n) != 1) return 1;
    for (int i = 0; i < n; i++) scanf("%lld %lld", &X[i], &Y[i]);

    int start = 0;
    for (int i = 1; i < n; i++)
        if (X[i] < X[start] || (X[i] == X[start] && Y[i] < Y[start]))
            start = i;

    double perimeter = 0.0;
    long long area2 = 0;
    int cur = start;
    for (;;) {
        int next = -1;
        for (int i = 0; i < n; i++) {
            if (X[i] == X[cur] && Y[i] == Y[cur]) continue;   /* same place (or itself) */
            if (next < 0) { next = i; continue; }
            long long c = cross(cur, next, i);
            if (c < 0 || (c == 0 && d2(cur, i) > d2(cur, next)))
                next = i;
        }
        if (next < 0) break;            /* all trees at one spot */
        perimeter += sqrt((double)d2(cur, next));
        area2 += X[cur] * Y[next] - X[next] * Y[cur];
        cur = next;
        if (X[cur] == X[start] && Y[cur] == Y[start]) break;
    }
    printf("%.6lf %.1lf\n", perimeter, (area2 < 0 ? -area2 : area2) / 2.0);
    return 0;
}
