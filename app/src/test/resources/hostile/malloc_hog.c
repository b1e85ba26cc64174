/* Allocates and touches 1 MiB blocks until malloc fails (exit 3), or until it is killed. */
#include <stdio.h>
#include <stdlib.h>
int main(void) {
    long mib = 0;
    for (;;) {
        volatile char *p = malloc(1 << 20);
        if (!p) { fprintf(stderr, "malloc failed after %ld MiB\n", mib); return 3; }
        for (int k = 0; k < 1 << 20; k += 4096) p[k] = 1; /* volatile: -O2 must not drop the touch */
        mib++;
    }
}
