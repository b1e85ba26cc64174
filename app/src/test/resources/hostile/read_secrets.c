/* Tries to read host secrets: /etc/shadow, /root, a planted secret and the expected output (paths in argv). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
static void try(const char *path) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) { printf("%s: %s\n", path, strerror(errno)); return; }
    char buf[256]; ssize_t n = read(fd, buf, sizeof buf - 1); close(fd);
    if (n < 0) { printf("%s: read %s\n", path, strerror(errno)); return; }
    buf[n] = 0; printf("%s: READ %s\n", path, buf);
}
int main(int argc, char **argv) {
    try("/etc/shadow"); try("/etc/passwd"); try("/root/.bashrc"); try("/root/.ssh/id_rsa"); try("/home");
    DIR *d = opendir("/root"); printf("/root dir: %s\n", d ? "LISTED" : strerror(errno));
    for (int i = 1; i < argc; i++) try(argv[i]);
    return 0;
}
