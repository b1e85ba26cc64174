/* Kills its launcher (the parent that measures it and writes the report) and every process it can signal, then
 * checks it still has the same parent. Under Docker the launcher is not pid 1 of its own namespace (it is a docker
 * exec), so only a different uid protects it. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
int main(void) {
    pid_t launcher = getppid();
    int a = kill(launcher, SIGKILL), ea = errno;
    int b = kill(-1, SIGKILL), eb = errno;
    int c = kill(launcher, SIGSTOP), ec = errno;
    usleep(200 * 1000); /* a dying launcher would be gone by now */
    printf("kill parent: %s\n", a == 0 ? "sent" : strerror(ea));
    printf("kill -1: %s\n", b == 0 ? "sent" : strerror(eb));
    printf("stop parent: %s\n", c == 0 ? "sent" : strerror(ec));
    printf("same parent: %s\n", getppid() == launcher ? "yes" : "no");
    return 0;
}
