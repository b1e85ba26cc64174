/* Four spinning threads: CPU of every thread counts, so the limit is reached in about a quarter of the wall time. */
#include <pthread.h>
static void *spin(void *a) { volatile unsigned long x = 0; (void)a; for (;;) x++; return 0; }
int main(void) { pthread_t t[4]; for (int i = 0; i < 4; i++) pthread_create(&t[i], 0, spin, 0); spin(0); }
