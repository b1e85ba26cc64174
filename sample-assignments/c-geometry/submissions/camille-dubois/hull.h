#ifndef HULL_H
#define HULL_H

typedef struct {
    long long x, y;
} Tree;

/* Sorts trees in place and writes the hull (counter-clockwise) into out; returns its size. */
int convex_hull(Tree *trees, int n, Tree *out);

#endif
