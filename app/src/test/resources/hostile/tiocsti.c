/* Terminal injection (CVE-2017-5226): no controlling terminal, stdin is a file. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
int main(void) {
    char c = 'x';
    printf("tiocsti0: %s\n", ioctl(0, TIOCSTI, &c) == 0 ? "INJECTED" : strerror(errno));
    int fd = open("/dev/tty", O_RDWR);
    printf("devtty: %s\n", fd >= 0 ? "OPENED" : strerror(errno));
    return 0;
}
