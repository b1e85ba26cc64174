#include <stdio.h>
#include <stdlib.h>
#include <math.h>

typedef struct { long long x, y; } Point;

int by_x(const void *a, const void *b)
{
    const Point *p = a, *q = b;
    if (p->x == q->x)
        return (p->y > q->y) - (p->y < q->y);
    return (p->x > q->x) - (p->x < q->x);
}

long long ccw(Point a, Point b, Point c)
{
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

int main(void)
{
    int n;
    scanf("%d", &n);
    Point *p = malloc(n * sizeof(Point));
    for (int i = 0; i < n; i++)
        scanf("%lld %lld", &p[i].x, &p[i].y);

    if (n < 3) {
        /* no polygon, nothing to fence */
        printf("0.000000 0.0\n");
        return 0;
    }

    qsort(p, n, sizeof(Point), by_x);
    Point *h = malloc((2 * n + 1) * sizeof(Point));
    int k = 0;
    for (int i = 0; i < n; i++) {
        while (k >= 2 && ccw(h[k - 2], h[k - 1], p[i]) <= 0)
            k--;
        h[k++] = p[i];
    }
    for (int i = n - 2, t = k + 1; i >= 0; i--) {
        while (k >= t && ccw(h[k - 2], h[k - 1], p[i]) <= 0)
            k--;
        h[k++] = p[i];
    }
    k--;

    double per = 0;
    long long twice = 0;
    for (int i = 0; i < k; i++) {
        Point a = h[i], b = h[(i + 1) % k];
        per += sqrt((double)((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)));
        twice += a.x * b.y - a.y * b.x;
    }
    printf("%.6f %.1f\n", per, llabs(twice) / 2.0);
    return 0;
}
