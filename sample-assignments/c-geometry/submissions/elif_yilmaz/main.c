// Elif Yilmaz
#include <stdio.h>
#include <stdlib.h>
#include <math.h>

struct pt { long long x, y; };

int cmp(const void *a, const void *b)
{
    struct pt p = *(struct pt *)a, q = *(struct pt *)b;
    if (p.x != q.x) return p.x < q.x ? -1 : 1;
    if (p.y != q.y) return p.y < q.y ? -1 : 1;
    return 0;
}

long long orient(struct pt a, struct pt b, struct pt c)
{
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

int main(void)
{
    int n;
    scanf("%d", &n);
    struct pt *p = malloc(n * sizeof *p);
    struct pt *h = malloc((2 * n + 1) * sizeof *h);
    for (int i = 0; i < n; i++) scanf("%lld%lld", &p[i].x, &p[i].y);
    qsort(p, n, sizeof *p, cmp);
    int k = 0;
    for (int i = 0; i < n; i++) {
        while (k >= 2 && orient(h[k-2], h[k-1], p[i]) <= 0) k--;
        h[k++] = p[i];
    }
    for (int i = n - 2, low = k + 1; i >= 0; i--) {
        while (k >= low && orient(h[k-2], h[k-1], p[i]) <= 0) k--;
        h[k++] = p[i];
    }
    if (k > 1) k--;
    double per = 0, area = 0;
    for (int i = 0; i < k; i++) {
        struct pt a = h[i], b = h[(i + 1) % k];
        per += sqrt((double)(b.x-a.x)*(b.x-a.x) + (double)(b.y-a.y)*(b.y-a.y));
        area += (double)(a.x * b.y - b.x * a.y);
    }
    printf("%.2f %.2f\n", per, fabs(area) / 2);   // 2 decimals like in the lecture
    return 0;
}
