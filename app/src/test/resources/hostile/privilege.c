/* Namespace and privilege tricks; every one must fail. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/ptrace.h>
#include <unistd.h>
static void report(const char *what, int rc) { printf("%s: %s\n", what, rc == 0 ? "SUCCEEDED" : strerror(errno)); }
int main(void) {
    report("unshare-user", unshare(CLONE_NEWUSER));
    report("unshare-net", unshare(CLONE_NEWNET));
    report("mount", mount("none", "/tmp", "tmpfs", 0, 0));
    report("setuid0", setuid(0));
    report("ptrace1", (int)ptrace(PTRACE_ATTACH, 1, 0, 0) == 0 ? 0 : -1);
    report("chroot", chroot("/tmp"));
    return 0;
}
