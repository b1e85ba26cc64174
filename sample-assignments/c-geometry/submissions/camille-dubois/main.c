/* Camille Dubois - TP6 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "hull.h"

int main(void)
{
    int n;
    if (scanf("%d", &n) != 1)
        return 1;
    Tree *trees = malloc(sizeof(Tree) * n);
    Tree *hull = malloc(sizeof(Tree) * (2 * n + 1));
    for (int i = 0; i < n; i++)
        scanf("%lld %lld", &trees[i].x, &trees[i].y);

    int h = convex_hull(trees, n, hull);
    double perimeter = 0, area = 0;
    for (int i = 0; i < h; i++) {
        Tree a = hull[i], b = hull[(i + 1) % h];
        perimeter += hypot(b.x - a.x, b.y - a.y);
        area += (double)(a.x * b.y - a.y * b.x);
    }
    /* scientific notation keeps all the significant digits */
    printf("%.12e\n%.12e\n", perimeter, fabs(area) / 2);
    return 0;
}
