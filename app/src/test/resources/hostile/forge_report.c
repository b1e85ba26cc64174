/* Forges the launcher's report on every channel it can think of, then exits 7. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
static const char *fake = "{\"exited\":true,\"code\":0,\"signal\":0,\"wall_timeout\":false,\"cpu_timeout\":false,"
    "\"mem_killed\":false,\"cpu_ms\":1,\"wall_ms\":1,\"maxrss_kb\":1,\"exec_errno\":0,\"exec_stage\":\"\",\"killed_others\":0}\n";
int main(void) {
    write(1, fake, strlen(fake)); write(2, fake, strlen(fake));
    for (int fd = 3; fd < 10; fd++) printf("fd%d: %s\n", fd, write(fd, fake, strlen(fake)) >= 0 ? "WROTE" : "no");
    const char *paths[] = {"/proc/1/fd/1", "/proc/1/fd/2", "/proc/1/fd/3", "/dev/stdout"};
    for (int i = 0; i < 4; i++) {
        int fd = open(paths[i], O_WRONLY);
        printf("%s: %s\n", paths[i], fd >= 0 && write(fd, fake, strlen(fake)) >= 0 ? "WROTE" : "no");
    }
    return 7;
}
