/* Ignores every catchable signal the limits use, then spins: only SIGKILL can end it. */
#include <signal.h>
int main(void) {
    signal(SIGXCPU, SIG_IGN); signal(SIGTERM, SIG_IGN); signal(SIGINT, SIG_IGN); signal(SIGHUP, SIG_IGN);
    volatile unsigned long x = 0; for (;;) x++;
}
