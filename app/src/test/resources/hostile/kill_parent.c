/* Attacks the supervisor: SIGSTOP/SIGKILL to the parent, to pid 1 and to every process it can reach. */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
int main(void) {
    printf("ppid=%d\n", (int)getppid());
    kill(getppid(), SIGSTOP); kill(getppid(), SIGKILL); kill(1, SIGSTOP); kill(1, SIGKILL); kill(-1, SIGKILL);
    printf("survived\n");
    return 0;
}
