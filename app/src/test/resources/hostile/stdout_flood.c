/* Writes to stdout forever: RLIMIT_FSIZE stops it with SIGXFSZ; the host keeps only the cap. */
#include <stdio.h>
int main(void) { for (;;) putchar('x'); }
