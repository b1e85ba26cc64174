/* Reference solution for "Lab 6: Fencing the orchard": convex hull (Andrew's monotone chain), perimeter and area. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct { long long x, y; } Point;

static int by_xy(const void *a, const void *b) {
    const Point *p = a, *q = b;
    if (p->x != q->x) return p->x < q->x ? -1 : 1;
    if (p->y != q->y) return p->y < q->y ? -1 : 1;
    return 0;
}

/* Coordinates up to 1e6 in absolute value: products reach 4e12, so 64-bit. */
static long long cross(Point o, Point a, Point b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    Point *p = malloc(sizeof(Point) * (n > 0 ? n : 1));
    for (int i = 0; i < n; i++) scanf("%lld %lld", &p[i].x, &p[i].y);
    qsort(p, n, sizeof(Point), by_xy);
    int m = 0;
    for (int i = 0; i < n; i++)
        if (m == 0 || by_xy(&p[m - 1], &p[i]) != 0) p[m++] = p[i];

    Point *h = malloc(sizeof(Point) * (2 * m + 1));
    int k = 0;
    if (m == 1) {
        h[k++] = p[0];
    } else {
        for (int i = 0; i < m; i++) {
            while (k >= 2 && cross(h[k - 2], h[k - 1], p[i]) <= 0) k--;
            h[k++] = p[i];
        }
        for (int i = m - 2, lower = k + 1; i >= 0; i--) {
            while (k >= lower && cross(h[k - 2], h[k - 1], p[i]) <= 0) k--;
            h[k++] = p[i];
        }
        k--; /* the last point repeats the first */
    }

    double perimeter = 0;
    long long twice_area = 0;
    for (int i = 0; i < k; i++) {
        Point a = h[i], b = h[(i + 1) % k];
        perimeter += hypot((double)(b.x - a.x), (double)(b.y - a.y));
        twice_area += a.x * b.y - a.y * b.x;
    }
    if (twice_area < 0) twice_area = -twice_area;
    printf("%.6f %lld.%d\n", perimeter, twice_area / 2, twice_area % 2 ? 5 : 0);
    free(h);
    free(p);
    return 0;
}
