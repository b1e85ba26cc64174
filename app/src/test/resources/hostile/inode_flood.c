/* Creates empty files in the scratch folder until something stops it (ENOSPC, the wall limit). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
int main(void) {
    for (int i = 0; i < 2000000; i++) {
        char name[64]; snprintf(name, sizeof name, "f%d", i);
        int fd = open(name, O_WRONLY | O_CREAT, 0644);
        if (fd < 0) { printf("stopped after %d files: %s\n", i, strerror(errno)); return 1; }
        close(fd);
    }
    printf("created all\n");
    return 0;
}
