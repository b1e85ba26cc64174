/* Memory spread over four processes, each 60% of a 128 MiB limit: per-process limits miss it, the total does not.
 * Pages are touched through a volatile pointer: gcc -O2 removes a plain malloc+memset whose result is unused. */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
    for (int i = 0; i < 4; i++) {
        if (fork() == 0) {
            size_t n = 77u << 20;
            volatile char *p = malloc(n);
            if (!p) _exit(3);
            for (size_t k = 0; k < n; k += 4096) p[k] = 1;
            sleep(5);
            _exit(p[n / 2] == 1 ? 0 : 4);
        }
    }
    while (wait(0) > 0) {}
    return 0;
}
