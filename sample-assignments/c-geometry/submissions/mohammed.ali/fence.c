#include <stdio.h>
#include <stdlib.h>
#include <math.h>

typedef struct { long long x, y; } pt;

int cmp_pt(const void *a, const void *b) {
    pt p = *(const pt *)a, q = *(const pt *)b;
    if (p.x < q.x || (p.x == q.x && p.y < q.y)) return -1;
    if (p.x == q.x && p.y == q.y) return 0;
    return 1;
}

long long cr(pt o, pt a, pt b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

int main() {
    int n;
    scanf("%d", &n);
    pt *p = (pt *)malloc(sizeof(pt) * n);
    pt *h = (pt *)malloc(sizeof(pt) * (2 * n + 1));
    for (int i = 0; i < n; i++) scanf("%lld %lld", &p[i].x, &p[i].y);
    qsort(p, n, sizeof(pt), cmp_pt);
    int k = 0;
    for (int i = 0; i < n; i++) {
        while (k >= 2 && cr(h[k - 2], h[k - 1], p[i]) <= 0) k--;
        h[k++] = p[i];
    }
    for (int i = n - 2, t = k + 1; i >= 0; i--) {
        while (k >= t && cr(h[k - 2], h[k - 1], p[i]) <= 0) k--;
        h[k++] = p[i];
    }
    if (k > 1) k--;
    double per = 0;
    long long area = 0;
    for (int i = 0; i < k; i++) {
        pt a = h[i], b = h[(i + 1) % k];
        per += sqrt((double)((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)));
        area += a.x * b.y - b.x * a.y;
    }
    if (area < 0) area = -area;
    printf("%.6f %lld\n", per, area / 2);  // area is always an integer?
    return 0;
}
