/* Tries to write outside the scratch folder; argv holds host paths the test watches. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
static void try(const char *path) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0666);
    if (fd < 0) { printf("%s: %s\n", path, strerror(errno)); return; }
    write(fd, "owned\n", 6); close(fd); printf("%s: WROTE\n", path);
}
int main(int argc, char **argv) {
    try("/usr/gb-owned"); try("/etc/gb-owned"); try("/gb-owned"); try("/box/gb-owned"); try("/box/prog/gb-owned");
    try("/.gb/gb-launch"); try("/proc/gb-owned"); try("/dev/gb-owned"); try("/dev/null/x");
    for (int i = 1; i < argc; i++) try(argv[i]);
    try("/box/run/ok"); try("/tmp/ok"); try("/dev/shm/ok");
    return 0;
}
