/* Fills /tmp with 512 KiB files until the size-limited tmpfs says ENOSPC. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
int main(void) {
    static char buf[512 << 10];
    memset(buf, 'd', sizeof buf);
    for (int i = 0; i < 100000; i++) {
        char name[64]; snprintf(name, sizeof name, "/tmp/fill%d", i);
        int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0) { printf("open failed after %d files: %s\n", i, strerror(errno)); return 1; }
        ssize_t w = write(fd, buf, sizeof buf);
        close(fd);
        if (w != (ssize_t)sizeof buf) { printf("write failed after %d files: %s\n", i, w < 0 ? strerror(errno) : "short"); return 1; }
    }
    printf("wrote everything\n");
    return 0;
}
