/* Gabriel Santos - lab 6 (cerca = fence) */
#include <stdio.h>
#include <stdlib.h>
#include <math.h>

typedef struct { long long x, y; } Ponto;

int compara(const void *a, const void *b) {
    const Ponto *p = a, *q = b;
    if (p->x != q->x) return p->x < q->x ? -1 : 1;
    return (p->y > q->y) - (p->y < q->y);
}

long long cruz(Ponto o, Ponto a, Ponto b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

/* returns the hull, or NULL when there is no polygon (fewer than 3 trees) */
Ponto *fecho(Ponto *p, int n, int *tam) {
    if (n < 3)
        return NULL;
    Ponto *h = malloc((2 * n + 1) * sizeof(Ponto));
    int k = 0;
    qsort(p, n, sizeof(Ponto), compara);
    for (int i = 0; i < n; i++) {
        while (k >= 2 && cruz(h[k-2], h[k-1], p[i]) <= 0) k--;
        h[k++] = p[i];
    }
    for (int i = n - 2, t = k + 1; i >= 0; i--) {
        while (k >= t && cruz(h[k-2], h[k-1], p[i]) <= 0) k--;
        h[k++] = p[i];
    }
    *tam = k > 1 ? k - 1 : k;
    return h;
}

int main(void) {
    int n, m = 0;
    scanf("%d", &n);
    Ponto *p = malloc(n * sizeof(Ponto));
    for (int i = 0; i < n; i++) scanf("%lld %lld", &p[i].x, &p[i].y);
    Ponto *h = fecho(p, n, &m);
    /* close the polygon: start with the edge from the last point back to the first */
    double per = hypot(h[m-1].x - h[0].x, h[m-1].y - h[0].y);
    long long a2 = h[m-1].x * h[0].y - h[0].x * h[m-1].y;
    for (int i = 0; i + 1 < m; i++) {
        per += hypot(h[i+1].x - h[i].x, h[i+1].y - h[i].y);
        a2 += h[i].x * h[i+1].y - h[i+1].x * h[i].y;
    }
    printf("%.6f %.1f\n", per, llabs(a2) / 2.0);
    return 0;
}
