/* A 512 MiB static array, touched (CMS oom-static): the exec fails with ENOMEM under RLIMIT_AS, or the run is
 * killed at the memory limit. */
#include <stdio.h>
static char big[512 << 20];
int main(void) { for (long i = 0; i < (long)sizeof big; i += 4096) big[i] = 1; printf("%d\n", big[4096]); return 0; }
