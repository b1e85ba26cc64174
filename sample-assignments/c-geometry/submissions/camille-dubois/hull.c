#include <stdlib.h>
#include "hull.h"

static int compare_trees(const void *a, const void *b)
{
    const Tree *s = a, *t = b;
    if (s->x < t->x) return -1;
    if (s->x > t->x) return 1;
    if (s->y < t->y) return -1;
    if (s->y > t->y) return 1;
    return 0;
}

static long long turn(Tree a, Tree b, Tree c)
{
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

int convex_hull(Tree *trees, int n, Tree *out)
{
    int k = 0;
    qsort(trees, n, sizeof(Tree), compare_trees);
    for (int i = 0; i < n; i++) {
        while (k >= 2 && turn(out[k - 2], out[k - 1], trees[i]) <= 0) k--;
        out[k++] = trees[i];
    }
    for (int i = n - 2, lower = k + 1; i >= 0; i--) {
        while (k >= lower && turn(out[k - 2], out[k - 1], trees[i]) <= 0) k--;
        out[k++] = trees[i];
    }
    return k > 1 ? k - 1 : k;
}
