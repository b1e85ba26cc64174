/* Four children each burn 0.9 s of CPU: each stays under a per-process 1 s RLIMIT_CPU, the total does not. */
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
static double cpu(void) { struct timespec t; clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); return t.tv_sec + t.tv_nsec / 1e9; }
int main(void) {
    for (int i = 0; i < 4; i++) if (fork() == 0) { volatile unsigned long x = 0; while (cpu() < 0.9) x++; _exit(0); }
    while (wait(0) > 0) {}
    return 0;
}
