/* Reaches for the kernel surfaces sandbox escapes go through. Each must be refused (EPERM or ENOSYS), not merely
 * fail for another reason: io_uring and the keyring work for any user on a stock kernel. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

static void probe(const char *what, long r) {
    if (r >= 0) printf("%s: ALLOWED\n", what);
    else if (errno == EPERM || errno == ENOSYS) printf("%s: refused\n", what);
    else printf("%s: failed (%s)\n", what, strerror(errno));
}

static char stack[64 * 1024];
static int child(void *arg) { (void)arg; return 0; }

int main(void) {
    unsigned char params[120] = {0};
    probe("io_uring_setup", syscall(SYS_io_uring_setup, 4, params));
    probe("keyctl", syscall(SYS_keyctl, 0 /* KEYCTL_GET_KEYRING_ID */, -3 /* session keyring */, 1));
    probe("add_key", syscall(SYS_add_key, "user", "gb", "x", 1, -3));
    probe("bpf", syscall(SYS_bpf, 0, NULL, 0));
    probe("userfaultfd", syscall(SYS_userfaultfd, 1 /* UFFD_USER_MODE_ONLY */));
    probe("perf_event_open", syscall(SYS_perf_event_open, NULL, 0, -1, -1, 0));
    probe("unshare user", unshare(CLONE_NEWUSER));
    probe("unshare net", unshare(CLONE_NEWNET));
    long c = clone(child, stack + sizeof stack, CLONE_NEWUSER | SIGCHLD, NULL);
    if (c > 0) waitpid((pid_t)c, NULL, 0);
    probe("clone newuser", c);
    probe("mount", mount("none", "/tmp", "tmpfs", 0, NULL));
    probe("open_by_handle_at", syscall(SYS_open_by_handle_at, AT_FDCWD, NULL, 0));
    probe("socket vsock", socket(40 /* AF_VSOCK */, SOCK_STREAM, 0));
    char ch = 'x';
    probe("tiocsti", ioctl(0, TIOCSTI, &ch));
    /* What programs do use still works. */
    pid_t p = fork();
    if (p == 0) _exit(7);
    int st = 0;
    waitpid(p, &st, 0);
    printf("fork: %s\n", WIFEXITED(st) && WEXITSTATUS(st) == 7 ? "works" : "BROKEN");
    return 0;
}
