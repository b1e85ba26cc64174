/*
 * Lab 6 - Fencing the orchard
 * Anna Kowalska
 *
 * Monotone chain convex hull, O(n log n).
 */
#include <stdio.h>
#include <stdlib.h>
#include <math.h>

typedef struct {
    long long x;
    long long y;
} point;

static int cmp(const void *a, const void *b)
{
    const point *p = (const point *)a;
    const point *q = (const point *)b;
    if (p->x != q->x)
        return (p->x > q->x) - (p->x < q->x);
    return (p->y > q->y) - (p->y < q->y);
}

static long long cross(point o, point a, point b)
{
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

int main(void)
{
    int n, i, k = 0;
    scanf("%d", &n);
    point *pts = malloc(n * sizeof(point));
    point *hull = malloc((2 * n + 2) * sizeof(point));
    for (i = 0; i < n; i++)
        scanf("%lld %lld", &pts[i].x, &pts[i].y);

    qsort(pts, n, sizeof(point), cmp);

    /* lower hull */
    for (i = 0; i < n; i++) {
        while (k >= 2 && cross(hull[k - 2], hull[k - 1], pts[i]) <= 0)
            k--;
        hull[k++] = pts[i];
    }
    /* upper hull */
    int t = k + 1;
    for (i = n - 2; i >= 0; i--) {
        while (k >= t && cross(hull[k - 2], hull[k - 1], pts[i]) <= 0)
            k--;
        hull[k++] = pts[i];
    }
    if (k > 1)
        k--;   /* last point == first point */

    double len = 0.0;
    long long area2 = 0;
    for (i = 0; i < k; i++) {
        point a = hull[i];
        point b = hull[(i + 1) % k];
        len += sqrt((double)((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)));
        area2 += a.x * b.y - b.x * a.y;
    }
    if (area2 < 0)
        area2 = -area2;

    printf("%.6f %.1f\n", len, area2 / 2.0);

    free(pts);
    free(hull);
    return 0;
}
