/* Opens /dev/null until EMFILE; prints how many it got (bounded by RLIMIT_NOFILE). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
int main(void) {
    int n = 0;
    while (open("/dev/null", O_RDONLY) >= 0) n++;
    printf("fds=%d %s\n", n, strerror(errno));
    return 1;
}
