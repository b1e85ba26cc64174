#include <stdio.h>
#include <stdlib.h>
#include <math.h>

#define MAXN 10005

int xs[MAXN], ys[MAXN], idx[MAXN], hull[2 * MAXN];

int cmp(const void *a, const void *b) {
    int i = *(int *)a, j = *(int *)b;
    if (xs[i] != xs[j]) return xs[i] - xs[j];
    return ys[i] - ys[j];
}

int cross(int o, int a, int b) {
    return (xs[a] - xs[o]) * (ys[b] - ys[o]) - (ys[a] - ys[o]) * (xs[b] - xs[o]);
}

int main() {
    int n;
    scanf("%d", &n);
    for (int i = 0; i < n; i++) {
        scanf("%d %d", &xs[i], &ys[i]);
        idx[i] = i;
    }
    qsort(idx, n, sizeof(int), cmp);

    int k = 0;
    for (int i = 0; i < n; i++) {
        while (k >= 2 && cross(hull[k-2], hull[k-1], idx[i]) <= 0) k--;
        hull[k++] = idx[i];
    }
    for (int i = n - 2, t = k + 1; i >= 0; i--) {
        while (k >= t && cross(hull[k-2], hull[k-1], idx[i]) <= 0) k--;
        hull[k++] = idx[i];
    }
    if (k > 1) k--;

    double per = 0, area = 0;
    for (int i = 0; i < k; i++) {
        int a = hull[i], b = hull[(i+1) % k];
        double dx = xs[b] - xs[a], dy = ys[b] - ys[a];
        per += sqrt(dx*dx + dy*dy);
        area += (double)xs[a] * ys[b] - (double)xs[b] * ys[a];
    }
    printf("%.6f %.1f\n", per, fabs(area) / 2);
    return 0;
}
