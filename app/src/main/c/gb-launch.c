/*
 * gb-launch: the first process inside a Gradebench sandbox (bwrap --as-pid-1, or a Docker exec).
 *
 * Why it exists: measuring a sandboxed program from outside does not work (bwrap never reaps its PID 1, so wait4 on
 * bwrap loses the program's CPU time and peak memory; see shared/reference/sandbox.md). This launcher forks the
 * program, applies rlimits, polls /proc to enforce totals that per-process rlimits cannot (CPU and memory split
 * across forks), kills every process of the run when it ends, and reports one JSON line on a descriptor the program
 * cannot reach (close-on-exec, and /proc/<launcher>/fd is closed to it by PR_SET_DUMPABLE 0).
 *
 * Usage (the Java side builds it; keep it stable, the Docker backend uses the same binary):
 *   gb-launch --report-fd N --cpu-ms N --wall-ms N --as-kb N --mem-kb N --fsize N --nproc N --nofile N
 *             [--stdin PATH] --stdout PATH --stderr PATH [--chdir DIR] [--uid N --gid N] -- argv...
 *   gb-launch --keepalive
 *   gb-launch --serve            (the Docker runner: see serve() below)
 *   gb-launch --exec-as UID GID -- argv...
 * A value of 0 means "no limit" for cpu-ms, wall-ms, as-kb, mem-kb, fsize, nproc and nofile.
 *
 * --uid/--gid (Docker): the launcher itself stays as it was started (root in the container, holding only
 * CAP_SETUID, CAP_SETGID and CAP_KILL) and only the program's child drops to the unprivileged uid, before it opens
 * any file. The program then cannot signal the launcher (another uid), so it cannot end the run without a report,
 * while the launcher can still kill every process of the run. Without them (bwrap) nothing changes: the launcher
 * is pid 1 of its own namespace and the program cannot reach it anyway.
 * --exec-as: drop to UID/GID (no supplementary groups) and exec argv, like setpriv; for the Docker exec's cleanup
 * shell, which must act with the program's uid.
 *
 * Report: {"exited":bool,"code":int,"signal":int,"wall_timeout":bool,"cpu_timeout":bool,"mem_killed":bool,
 *          "cpu_ms":int,"wall_ms":int,"maxrss_kb":int,"exec_errno":int,"exec_stage":"...","killed_others":int}
 * Exit status of the launcher itself: 0 when a report was written, 125 on a usage or internal error (message on
 * stderr, no report).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <grp.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <stddef.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define POLL_NS (10L * 1000 * 1000)
#define MAX_PROCS 32768
#define HASH_SLOTS 65536 /* power of two, > 2 * MAX_PROCS */
#define MAX_CHAIN 4096

struct options {
    int report_fd;
    long long cpu_ms, wall_ms, as_kb, mem_kb, fsize, nproc, nofile;
    long long uid, gid; /* -1: keep the launcher's own */
    const char *stdin_path, *stdout_path, *stderr_path, *chdir_path;
    char **argv;
};

/* Setup stages reported when the program could not be started. */
enum stage { ST_NONE, ST_STDIN, ST_STDOUT, ST_STDERR, ST_RLIMIT, ST_CHDIR, ST_EXEC, ST_SETUID, ST_SECCOMP, ST_LAST = ST_SECCOMP };
static const char *const stage_names[] = {"", "stdin", "stdout", "stderr", "rlimit", "chdir", "exec", "setuid", "seccomp"};

struct proc {
    pid_t pid, ppid;
    long long ticks; /* utime+stime+cutime+cstime */
    long long rss_pages;
    signed char mine; /* -1 unknown, 0 no, 1 descendant of the launcher */
};

static struct proc procs[MAX_PROCS];
static int nprocs;
static int slot_of[HASH_SLOTS]; /* index+1 into procs, 0 = empty */

static void die(const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf - 1, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    if (n > (int)sizeof buf - 2) n = (int)sizeof buf - 2;
    buf[n++] = '\n';
    ssize_t w = write(2, "gb-launch: ", 11);
    w = write(2, buf, (size_t)n);
    (void)w;
    _exit(125);
}

static long long parse_num(const char *opt, const char *v) {
    if (v == NULL) die("%s needs a value", opt);
    char *end = NULL;
    errno = 0;
    long long x = strtoll(v, &end, 10);
    if (errno != 0 || end == v || *end != '\0' || x < 0) die("%s: not a non-negative number: %s", opt, v);
    return x;
}

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void write_all(int fd, const char *buf, size_t len) {
    while (len > 0) {
        ssize_t w = write(fd, buf, len);
        if (w < 0) {
            if (errno == EINTR) continue;
            return;
        }
        buf += w;
        len -= (size_t)w;
    }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* keepalive: a long-lived container's main process that only reaps                                            */

_Noreturn static void keepalive(void) {
    /* It only reaps: it gives up the capabilities the container holds for the runs' launchers (dropping needs none). */
    struct { uint32_t version; int pid; } hdr = {0x20080522 /* _LINUX_CAPABILITY_VERSION_3 */, 0};
    struct { uint32_t effective, permitted, inheritable; } none[2];
    memset(none, 0, sizeof none);
    syscall(SYS_capset, &hdr, none);
    prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGCHLD);
    sigprocmask(SIG_BLOCK, &set, NULL);
    for (;;) {
        while (waitpid(-1, NULL, WNOHANG) > 0) {
        }
        struct timespec ts = {1, 0};
        sigtimedwait(&set, NULL, &ts);
    }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* serve: the Docker runner. One exec per container instead of one per run                                      */

/*
 * gb-launch --serve: reads run requests on stdin, runs each as a child process, and answers on stdout. A `docker
 * exec` costs 60-80 ms (runc joins the container's namespaces and cgroup every time); a fork here costs well under
 * one. The Docker session starts this once per container (as root, with the container's three capabilities, like a
 * per-run exec) and sends it exactly the argv it would otherwise exec: the prelude shell, which becomes the launcher.
 *
 * Request:  "GB1 <argc>\n" then argc NUL-terminated strings (argv[0] is an absolute path; any string may be empty
 *           or hold newlines).
 * Answer:   "GB1 <status> <outlen> <errlen>\n" then the child's stdout (outlen bytes) and stderr (errlen bytes),
 *           each capped at SERVE_CAP; status is the exit code, or 128 + the signal that ended it.
 * A malformed request gets "GB1 ERR <reason>\n" and ends the runner (exit 2); stdin at EOF ends it (exit 0).
 * Requests are served one at a time. The children get /dev/null as stdin and the runner's environment.
 * The program cannot reach the runner: it runs as another uid, and PR_SET_DUMPABLE 0 closes /proc/<runner>/fd.
 */
#define SERVE_CAP (64 * 1024)
#define SERVE_MAX_ARGS 65536
#define SERVE_MAX_BYTES (4 * 1024 * 1024) /* above a docker exec's own ARG_MAX (2 MiB with an 8 MiB stack) */

static unsigned char serve_in[SERVE_MAX_BYTES + 64];
static size_t serve_len; /* bytes buffered in serve_in */

/* Reads more of stdin into serve_in; 0 at EOF. */
static int serve_fill(void) {
    if (serve_len >= sizeof serve_in) return -1;
    for (;;) {
        ssize_t n = read(0, serve_in + serve_len, sizeof serve_in - serve_len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return (int)n;
        serve_len += (size_t)n;
        return 1;
    }
}

_Noreturn static void serve_fail(const char *why) {
    char buf[256];
    int len = snprintf(buf, sizeof buf, "GB1 ERR %s\n", why);
    if (len > 0) write_all(1, buf, (size_t)len);
    _exit(2);
}

struct capture {
    int fd;
    char buf[SERVE_CAP];
    size_t len;
};

/* Reads what is there; returns 0 at EOF (or error), 1 otherwise. Bytes past the cap are read and dropped. */
static int capture_read(struct capture *c) {
    char tmp[8192];
    for (;;) {
        ssize_t n = read(c->fd, tmp, sizeof tmp);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && errno == EAGAIN) return 1;
        if (n <= 0) return 0;
        size_t room = SERVE_CAP - c->len;
        size_t take = (size_t)n < room ? (size_t)n : room;
        memcpy(c->buf + c->len, tmp, take);
        c->len += take;
    }
}

static int serve_one(char **argv) {
    int out[2], err[2];
    if (pipe2(out, O_CLOEXEC) != 0) return -errno;
    if (pipe2(err, O_CLOEXEC) != 0) {
        int e = errno;
        close(out[0]);
        close(out[1]);
        return -e;
    }
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        close(out[0]); close(out[1]); close(err[0]); close(err[1]);
        return -e;
    }
    if (pid == 0) {
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        signal(SIGPIPE, SIG_DFL);
        int nul = open("/dev/null", O_RDONLY);
        if (nul < 0 || dup2(nul, 0) < 0 || dup2(out[1], 1) < 0 || dup2(err[1], 2) < 0) _exit(126);
        if (nul > 2) close(nul);
        /* Nothing the runner inherited reaches the run (Docker passes only 0-2 today; cheap insurance). */
        if (syscall(SYS_close_range, 3U, ~0U, 0U) != 0) {
            for (int fd = 3; fd < 1024; fd++) close(fd);
        }
        execv(argv[0], argv);
        dprintf(2, "gb-launch --serve: exec %s: %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    close(out[1]);
    close(err[1]);
    static struct capture co, ce;
    co.fd = out[0]; co.len = 0;
    ce.fd = err[0]; ce.len = 0;
    fcntl(co.fd, F_SETFL, O_NONBLOCK);
    fcntl(ce.fd, F_SETFL, O_NONBLOCK);
    int open_out = 1, open_err = 1, status = 0, done = 0, failed = 0;
    /* Until the child has ended and both pipes are at EOF; a grandchild still holding a pipe after the child ended
     * must not hang the runner, so once the child is gone the pipes get a last read and are closed. */
    while (!done) {
        struct pollfd pfd[2];
        int n = 0;
        if (open_out) pfd[n++] = (struct pollfd){co.fd, POLLIN, 0};
        if (open_err) pfd[n++] = (struct pollfd){ce.fd, POLLIN, 0};
        if (n > 0) {
            int r = poll(pfd, (nfds_t)n, 50);
            if (r < 0 && errno != EINTR) {
                failed = 1;
                break;
            }
            if (open_out && !capture_read(&co)) open_out = 0;
            if (open_err && !capture_read(&ce)) open_err = 0;
        }
        pid_t w = waitpid(pid, &status, (open_out || open_err) ? WNOHANG : 0);
        if (w == pid) {
            if (open_out) capture_read(&co);
            if (open_err) capture_read(&ce);
            done = 1;
        } else if (w < 0 && errno != EINTR) {
            failed = 1;
            break;
        }
    }
    if (failed) {
        /* The run cannot be followed any more: end it, so it does not overlap the next one, and say so. */
        kill(pid, SIGKILL);
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        status = 125 << 8;
    }
    close(co.fd);
    close(ce.fd);
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 125;
    char head[96];
    int len = snprintf(head, sizeof head, "GB1 %d %zu %zu\n", code, co.len, ce.len);
    write_all(1, head, (size_t)len);
    write_all(1, co.buf, co.len);
    write_all(1, ce.buf, ce.len);
    return 0;
}

_Noreturn static void serve(void) {
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    signal(SIGPIPE, SIG_IGN);
    static char *args[SERVE_MAX_ARGS + 1];
    for (;;) {
        /* The header line. */
        unsigned char *nl;
        while ((nl = memchr(serve_in, '\n', serve_len)) == NULL) {
            if (serve_len > 32) serve_fail("bad header");
            int r = serve_fill();
            if (r == 0 && serve_len == 0) _exit(0);
            if (r == 0) serve_fail("stdin ended inside a request");
            if (r < 0) serve_fail("cannot read stdin");
        }
        *nl = 0;
        /* "GB1 " then 1-5 decimal digits, nothing else. */
        const char *h = (const char *)serve_in;
        size_t hl = (size_t)(nl - serve_in);
        if (hl < 5 || hl > 9 || memcmp(h, "GB1 ", 4) != 0) serve_fail("bad header");
        unsigned argc = 0;
        for (size_t i = 4; i < hl; i++) {
            if (h[i] < '0' || h[i] > '9') serve_fail("bad header");
            argc = argc * 10 + (unsigned)(h[i] - '0');
        }
        if (argc == 0 || argc > SERVE_MAX_ARGS) serve_fail("bad header");
        size_t off = (size_t)(nl - serve_in) + 1;
        /* argc NUL-terminated strings. */
        unsigned got = 0;
        size_t scan = off;
        while (got < argc) {
            unsigned char *z = memchr(serve_in + scan, 0, serve_len - scan);
            if (z == NULL) {
                int r = serve_fill();
                if (r == 0) serve_fail("stdin ended inside a request");
                if (r < 0) serve_fail(serve_len >= sizeof serve_in ? "request too large" : "cannot read stdin");
                continue;
            }
            args[got++] = (char *)serve_in + scan;
            scan = (size_t)(z - serve_in) + 1;
        }
        args[argc] = NULL;
        if (args[0][0] != '/') serve_fail("argv[0] must be an absolute path");
        int e = serve_one(args);
        if (e < 0) {
            char msg[160], head[64];
            int ml = snprintf(msg, sizeof msg, "gb-launch --serve: cannot start the run: %s\n", strerror(-e));
            if (ml < 0) ml = 0;
            if ((size_t)ml >= sizeof msg) ml = (int)sizeof msg - 1;
            int len = snprintf(head, sizeof head, "GB1 125 0 %d\n", ml);
            write_all(1, head, (size_t)len);
            write_all(1, msg, (size_t)ml);
        }
        /* Drop the request from the buffer. */
        memmove(serve_in, serve_in + scan, serve_len - scan);
        serve_len -= scan;
    }
}

/* ------------------------------------------------------------------------------------------------------------ */
/* /proc polling                                                                                                 */

static int find_proc(pid_t pid) {
    unsigned h = ((unsigned)pid * 2654435761u) & (HASH_SLOTS - 1);
    while (slot_of[h] != 0) {
        if (procs[slot_of[h] - 1].pid == pid) return slot_of[h] - 1;
        h = (h + 1) & (HASH_SLOTS - 1);
    }
    return -1;
}

static void add_proc(const struct proc *p) {
    if (nprocs >= MAX_PROCS) return;
    procs[nprocs] = *p;
    unsigned h = ((unsigned)p->pid * 2654435761u) & (HASH_SLOTS - 1);
    while (slot_of[h] != 0) h = (h + 1) & (HASH_SLOTS - 1);
    slot_of[h] = ++nprocs;
}

/* Reads /proc/<pid>/stat; returns 0 on success. The command name may contain spaces and parentheses, so the fields
 * are parsed after the LAST ')'. */
static int read_stat(pid_t pid, struct proc *out) {
    char path[64], buf[1024];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    ssize_t n;
    do {
        n = read(fd, buf, sizeof buf - 1);
    } while (n < 0 && errno == EINTR);
    close(fd);
    if (n <= 0) return -1;
    buf[n] = '\0';
    char *p = strrchr(buf, ')');
    if (p == NULL) return -1;
    p += 2; /* skip ") " : now at field 3 (state) */
    /* fields: 3 state 4 ppid 5 pgrp 6 session 7 tty 8 tpgid 9 flags 10 minflt 11 cminflt 12 majflt 13 cmajflt
     * 14 utime 15 stime 16 cutime 17 cstime 18 priority 19 nice 20 num_threads 21 itrealvalue 22 starttime
     * 23 vsize 24 rss */
    char state;
    int ppid;
    unsigned long long utime, stime, vsize;
    long long cutime, cstime, rss;
    int got = sscanf(p, "%c %d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu %lld %lld %*d %*d %*d %*d %*u %llu %lld",
                     &state, &ppid, &utime, &stime, &cutime, &cstime, &vsize, &rss);
    if (got != 8) return -1;
    out->pid = pid;
    out->ppid = ppid;
    out->ticks = (long long)(utime + stime) + cutime + cstime;
    out->rss_pages = rss < 0 ? 0 : rss;
    out->mine = -1;
    return 0;
}

static int is_mine(int i, pid_t self) {
    /* Walk up the parent chain; memoise. A cycle cannot exist in a consistent snapshot; the depth bound (deeper than
     * any RLIMIT_NPROC we set) protects against an inconsistent one. */
    static int chain[MAX_CHAIN];
    int depth = 0;
    int cur = i;
    int verdict = 0;
    while (depth < MAX_CHAIN) {
        if (procs[cur].mine >= 0) {
            verdict = procs[cur].mine;
            break;
        }
        chain[depth++] = cur;
        pid_t pp = procs[cur].ppid;
        if (pp == self) {
            verdict = 1;
            break;
        }
        if (pp <= 1) {
            verdict = 0;
            break;
        }
        int next = find_proc(pp);
        if (next < 0) {
            verdict = 0;
            break;
        }
        cur = next;
    }
    for (int k = 0; k < depth; k++) procs[chain[k]].mine = (signed char)verdict;
    return verdict;
}

struct scan {
    int count;           /* live descendants (zombies included) */
    int others;          /* of which not the main child */
    long long ticks;     /* their CPU, clock ticks */
    long long rss_kb;    /* their resident memory, summed */
};

/* Snapshot of every descendant of this launcher. When the launcher is the pid namespace's init every process but
 * itself is a descendant; otherwise (docker exec, unsandboxed mode) the parent chain decides. */
static struct scan scan_descendants(pid_t self, long page_kb, int kill_them, pid_t main_child) {
    struct scan s = {0, 0, 0, 0};
    nprocs = 0;
    memset(slot_of, 0, sizeof slot_of);
    DIR *d = opendir("/proc");
    if (d == NULL) return s;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9') continue;
        pid_t pid = (pid_t)strtol(e->d_name, NULL, 10);
        if (pid == self || pid <= 0) continue;
        struct proc p;
        if (read_stat(pid, &p) == 0) add_proc(&p);
    }
    closedir(d);
    for (int i = 0; i < nprocs; i++) {
        if (!is_mine(i, self)) continue;
        s.count++;
        s.ticks += procs[i].ticks;
        s.rss_kb += procs[i].rss_pages * page_kb;
        if (procs[i].pid != main_child) s.others++;
        if (kill_them) kill(procs[i].pid, SIGKILL);
    }
    return s;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* the child                                                                                                     */

static void child_fail(int errfd, enum stage st, int err) {
    int msg[2] = {(int)st, err};
    write_all(errfd, (const char *)msg, sizeof msg);
    _exit(127);
}

static int open_std(const char *path, int flags) {
    /* O_NONBLOCK so a FIFO planted at the path cannot hang the setup; cleared right after. */
    int fd = open(path, flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0644);
    if (fd < 0) return -1;
    struct stat st;
    if (fstat(fd, &st) != 0 || !(S_ISREG(st.st_mode) || S_ISCHR(st.st_mode))) {
        close(fd);
        errno = EINVAL;
        return -1;
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0) fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    return fd;
}

static void set_limit(int errfd, int res, long long value) {
    struct rlimit rl;
    rl.rlim_cur = rl.rlim_max = value <= 0 ? RLIM_INFINITY : (rlim_t)value;
    if (setrlimit(res, &rl) != 0) child_fail(errfd, ST_RLIMIT, errno);
}

static void close_other_fds(int keep) {
    /* close_range(2) since Linux 5.9; fall back to a loop for older kernels. */
    if (keep > 3) {
        if (syscall(SYS_close_range, 3u, (unsigned)(keep - 1), 0u) != 0) {
            for (int fd = 3; fd < keep; fd++) close(fd);
        }
    }
    if (syscall(SYS_close_range, (unsigned)(keep + 1), ~0u, 0u) != 0) {
        long max = sysconf(_SC_OPEN_MAX);
        if (max < 0 || max > 1 << 20) max = 1 << 20;
        for (int fd = keep + 1; fd < max; fd++) close(fd);
    }
}

/* Drops to uid/gid for good: no supplementary groups, real, effective and saved ids all changed, so the kernel
 * clears the permitted, effective and ambient capabilities. Returns 0, or an errno. */
static int drop_to(long long uid, long long gid) {
    if (uid <= 0 || gid <= 0) return EINVAL; /* never "drop" to root */
    if (setgroups(0, NULL) != 0) return errno;
    if (setresgid((gid_t)gid, (gid_t)gid, (gid_t)gid) != 0) return errno;
    if (setresuid((uid_t)uid, (uid_t)uid, (uid_t)uid) != 0) return errno;
    uid_t r, e, s;
    if (getresuid(&r, &e, &s) != 0 || r != (uid_t)uid || e != (uid_t)uid || s != (uid_t)uid) return EPERM;
    gid_t rg, eg, sg;
    if (getresgid(&rg, &eg, &sg) != 0 || rg != (gid_t)gid || eg != (gid_t)gid || sg != (gid_t)gid) return EPERM;
    if (getgroups(0, NULL) != 0) return EPERM;
    if (setuid(0) == 0) return EPERM; /* the drop must be irreversible */
    return 0;
}

/* ------------------------------------------------------------------------------------------------------------ */
/* seccomp: the syscalls no graded program needs                                                                */

#if defined(__x86_64__)
#define GB_AUDIT_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define GB_AUDIT_ARCH AUDIT_ARCH_AARCH64
#endif

#define GB_NS_FLAGS (CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET \
                     | CLONE_NEWCGROUP)
#define GB_AF_VSOCK 40
#define GB_TIOCSTI 0x5412

/*
 * A denylist installed in the program's process just before it execs, inherited by everything it starts. It closes
 * the kernel surfaces that neither compilers nor language runtimes use and that sandbox escapes go through (isolate
 * and nsjail block the same kinds; Docker's default profile blocks them in containers): io_uring (answered ENOSYS,
 * so runtimes such as Node's libuv fall back to threads), bpf, userfaultfd, perf events, the kernel keyring (not
 * namespaced), new namespaces (unshare, setns, clone with namespace flags; clone3 is answered ENOSYS so glibc falls
 * back to clone, whose flags the filter can see), mounts, module and kexec loading, open_by_handle_at, AF_VSOCK
 * sockets and TIOCSTI. Syscalls of another ABI (i386 int 0x80, x32) are answered ENOSYS: the numbers below are the
 * native ones only. Everything else is allowed.
 * Returns 0, or an errno when the filter could not be installed (the run then does not start).
 */
static int install_seccomp(void) {
#ifdef GB_AUDIT_ARCH
    static const int eperm[] = {
        SYS_bpf, SYS_userfaultfd, SYS_perf_event_open, SYS_keyctl, SYS_add_key, SYS_request_key, SYS_unshare,
        SYS_setns, SYS_mount, SYS_umount2, SYS_pivot_root, SYS_chroot, SYS_kexec_load, SYS_init_module,
        SYS_finit_module, SYS_delete_module, SYS_reboot, SYS_swapon, SYS_swapoff, SYS_acct, SYS_open_by_handle_at,
        SYS_name_to_handle_at, SYS_syslog, SYS_quotactl,
#ifdef SYS_kexec_file_load
        SYS_kexec_file_load,
#endif
#ifdef SYS_fsopen
        SYS_fsopen, SYS_fsconfig, SYS_fsmount, SYS_fspick, SYS_move_mount, SYS_open_tree,
#endif
#ifdef SYS_iopl
        SYS_iopl, SYS_ioperm,
#endif
    };
    static const int enosys[] = {
#ifdef SYS_io_uring_setup
        SYS_io_uring_setup, SYS_io_uring_enter, SYS_io_uring_register,
#endif
#ifdef SYS_clone3
        SYS_clone3,
#endif
    };
    struct sock_filter f[160];
    unsigned n = 0;
#define GB_STMT(code, k) do { if (n >= sizeof f / sizeof f[0]) return E2BIG; \
        f[n++] = (struct sock_filter)BPF_STMT(code, k); } while (0)
#define GB_JUMP(code, k, jt, jf) do { if (n >= sizeof f / sizeof f[0]) return E2BIG; \
        f[n++] = (struct sock_filter)BPF_JUMP(code, k, jt, jf); } while (0)
#define GB_LOAD(field) GB_STMT(BPF_LD | BPF_W | BPF_ABS, (unsigned)offsetof(struct seccomp_data, field))
#define GB_ERRNO(e) (SECCOMP_RET_ERRNO | ((e) & SECCOMP_RET_DATA))
    GB_LOAD(arch);
    GB_JUMP(BPF_JMP | BPF_JEQ | BPF_K, GB_AUDIT_ARCH, 1, 0);
    GB_STMT(BPF_RET | BPF_K, GB_ERRNO(ENOSYS));
    GB_LOAD(nr);
#ifdef __x86_64__
    GB_JUMP(BPF_JMP | BPF_JGE | BPF_K, 0x40000000u /* __X32_SYSCALL_BIT */, 0, 1);
    GB_STMT(BPF_RET | BPF_K, GB_ERRNO(ENOSYS));
#endif
    for (size_t i = 0; i < sizeof eperm / sizeof eperm[0]; i++) {
        GB_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)eperm[i], 0, 1);
        GB_STMT(BPF_RET | BPF_K, GB_ERRNO(EPERM));
    }
    for (size_t i = 0; i < sizeof enosys / sizeof enosys[0]; i++) {
        GB_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (unsigned)enosys[i], 0, 1);
        GB_STMT(BPF_RET | BPF_K, GB_ERRNO(ENOSYS));
    }
    /* socket(AF_VSOCK, ...): the family is the low word of the first argument (little-endian on both arches). */
    GB_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_socket, 0, 4);
    GB_LOAD(args[0]);
    GB_JUMP(BPF_JMP | BPF_JEQ | BPF_K, GB_AF_VSOCK, 0, 1);
    GB_STMT(BPF_RET | BPF_K, GB_ERRNO(EPERM));
    GB_LOAD(nr);
    /* ioctl(fd, TIOCSTI, ...): typing into a terminal the program shares. */
    GB_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_ioctl, 0, 4);
    GB_LOAD(args[1]);
    GB_JUMP(BPF_JMP | BPF_JEQ | BPF_K, GB_TIOCSTI, 0, 1);
    GB_STMT(BPF_RET | BPF_K, GB_ERRNO(EPERM));
    GB_LOAD(nr);
    /* clone with any namespace flag (threads and forks pass none). Last: it leaves an argument in the accumulator. */
    GB_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_clone, 0, 3);
    GB_LOAD(args[0]);
    GB_JUMP(BPF_JMP | BPF_JSET | BPF_K, GB_NS_FLAGS, 0, 1);
    GB_STMT(BPF_RET | BPF_K, GB_ERRNO(EPERM));
    GB_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
#undef GB_STMT
#undef GB_JUMP
#undef GB_LOAD
#undef GB_ERRNO
    struct sock_fprog prog = {(unsigned short)n, f};
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return errno;
    if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0) != 0) return errno;
    return 0;
#else
    return 0; /* no filter for this architecture: the namespaces and uid still hold */
#endif
}

static void run_child(const struct options *o, int errfd, pid_t launcher) {
    /* Kill the program when the launcher disappears (matters outside a pid namespace). */
    prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    if (getppid() != launcher) _exit(127);
    setsid();
    if (o->uid >= 0) {
        /* Before any file is opened, so every path below is resolved with the program's own permissions. */
        int e = drop_to(o->uid, o->gid);
        if (e != 0) child_fail(errfd, ST_SETUID, e);
        /* A credential change clears the parent-death signal: set it again, and recheck the parent. */
        prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
        if (getppid() != launcher) _exit(127);
    }

    /* JVM and Python parents leave SIGPIPE/SIGXFSZ ignored and SIGQUIT blocked; programs must see defaults. The raw
     * syscalls also reach signals 32 and 33, which glibc reserves and its wrappers refuse to touch (a JVM parent
     * leaves them ignored). */
    for (int sig = 1; sig <= 64; sig++) {
        if (sig == SIGKILL || sig == SIGSTOP) continue;
        struct { void *handler; unsigned long flags; void *restorer; unsigned long mask; } ka = {SIG_DFL, 0, NULL, 0};
        syscall(SYS_rt_sigaction, sig, &ka, NULL, sizeof(unsigned long));
    }
    unsigned long none = 0;
    syscall(SYS_rt_sigprocmask, SIG_SETMASK, &none, NULL, sizeof none);

    int in = open_std(o->stdin_path ? o->stdin_path : "/dev/null", O_RDONLY);
    if (in < 0) child_fail(errfd, ST_STDIN, errno);
    int out = open_std(o->stdout_path, O_WRONLY | O_CREAT | O_TRUNC);
    if (out < 0) child_fail(errfd, ST_STDOUT, errno);
    int err = open_std(o->stderr_path, O_WRONLY | O_CREAT | O_TRUNC);
    if (err < 0) child_fail(errfd, ST_STDERR, errno);
    /* dup2 clears close-on-exec on the target. */
    if (dup2(in, 0) < 0) child_fail(errfd, ST_STDIN, errno);
    if (dup2(out, 1) < 0) child_fail(errfd, ST_STDOUT, errno);
    if (dup2(err, 2) < 0) child_fail(errfd, ST_STDERR, errno);
    close_other_fds(errfd);

    if (o->chdir_path != NULL && chdir(o->chdir_path) != 0) child_fail(errfd, ST_CHDIR, errno);
    umask(022);

    if (o->as_kb > 0) set_limit(errfd, RLIMIT_AS, o->as_kb * 1024);
    if (o->cpu_ms > 0) {
        /* Backstop only: the parent enforces cpu-ms on the total (every 10 ms). The kernel fires RLIMIT_CPU on its
         * precise runtime clock, while rusage and /proc report tick-sampled time that reads up to ~15% lower on a
         * loaded VM; a soft limit at the verdict limit would kill runs whose reported CPU is under it. So the soft
         * limit is one second above (SIGXCPU), the hard one two seconds above (SIGKILL). */
        struct rlimit rl;
        rl.rlim_cur = (rlim_t)((o->cpu_ms + 999) / 1000 + 1);
        rl.rlim_max = rl.rlim_cur + 1;
        if (setrlimit(RLIMIT_CPU, &rl) != 0) child_fail(errfd, ST_RLIMIT, errno);
    }
    if (o->fsize > 0) set_limit(errfd, RLIMIT_FSIZE, o->fsize);
    if (o->nproc > 0) set_limit(errfd, RLIMIT_NPROC, o->nproc);
    if (o->nofile > 0) set_limit(errfd, RLIMIT_NOFILE, o->nofile);
    {
        struct rlimit rl = {0, 0};
        if (setrlimit(RLIMIT_CORE, &rl) != 0) child_fail(errfd, ST_RLIMIT, errno);
    }
    {
        /* Unlimited stack (as DMOJ does): deep recursion is bounded by the memory limit (RLIMIT_AS and the polled
         * total), not by an arbitrary 8 MiB. A finite value here would also become glibc's default thread stack
         * size, so a large one would make every pthread reserve that much address space under RLIMIT_AS; with
         * RLIM_INFINITY glibc falls back to 2 MiB per thread. */
        struct rlimit rl;
        if (getrlimit(RLIMIT_STACK, &rl) == 0) {
            rl.rlim_cur = rl.rlim_max;
            setrlimit(RLIMIT_STACK, &rl);
        }
    }

    int se = install_seccomp();
    if (se != 0) child_fail(errfd, ST_SECCOMP, se);
    execvp(o->argv[0], o->argv);
    child_fail(errfd, ST_EXEC, errno);
}

/* ------------------------------------------------------------------------------------------------------------ */

static void usage(void) {
    die("usage: gb-launch --report-fd N --cpu-ms N --wall-ms N --as-kb N --mem-kb N --fsize N --nproc N --nofile N "
        "[--stdin PATH] --stdout PATH --stderr PATH [--chdir DIR] [--uid N --gid N] -- argv... | gb-launch --keepalive "
        "| gb-launch --exec-as UID GID -- argv...");
}

static void parse(int argc, char **argv, struct options *o) {
    memset(o, 0, sizeof *o);
    o->report_fd = -1;
    o->uid = o->gid = -1;
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (strcmp(a, "--report-fd") == 0) o->report_fd = (int)parse_num(a, v);
        else if (strcmp(a, "--cpu-ms") == 0) o->cpu_ms = parse_num(a, v);
        else if (strcmp(a, "--wall-ms") == 0) o->wall_ms = parse_num(a, v);
        else if (strcmp(a, "--as-kb") == 0) o->as_kb = parse_num(a, v);
        else if (strcmp(a, "--mem-kb") == 0) o->mem_kb = parse_num(a, v);
        else if (strcmp(a, "--fsize") == 0) o->fsize = parse_num(a, v);
        else if (strcmp(a, "--nproc") == 0) o->nproc = parse_num(a, v);
        else if (strcmp(a, "--nofile") == 0) o->nofile = parse_num(a, v);
        else if (strcmp(a, "--stdin") == 0 && v) o->stdin_path = v;
        else if (strcmp(a, "--stdout") == 0 && v) o->stdout_path = v;
        else if (strcmp(a, "--stderr") == 0 && v) o->stderr_path = v;
        else if (strcmp(a, "--chdir") == 0 && v) o->chdir_path = v;
        else if (strcmp(a, "--uid") == 0) o->uid = parse_num(a, v);
        else if (strcmp(a, "--gid") == 0) o->gid = parse_num(a, v);
        else die("unknown or incomplete option: %s", a);
        i++;
    }
    if (i >= argc) usage();
    if (o->report_fd < 0 || o->stdout_path == NULL || o->stderr_path == NULL) usage();
    if ((o->uid < 0) != (o->gid < 0)) die("--uid and --gid go together");
    if (o->uid == 0 || o->gid == 0) die("--uid/--gid 0 would run the program as root");
    o->argv = argv + i;
}

/*
 * gb-launch --exec-as UID GID -- PROGRAM ARGS...: drop for good (drop_to), then exec PROGRAM. Two users: the Docker
 * exec's cleanup shell, which must act with the program's uid; and the bwrap backend when the grader runs as root,
 * which starts bwrap this way instead of util-linux setpriv (as root, RLIMIT_NPROC is void and file permissions
 * protect nothing): a static binary execs in a fraction of the time of a dynamically linked one, paid on every run.
 */
static void exec_as(int argc, char **argv) {
    if (argc < 6 || strcmp(argv[4], "--") != 0) die("usage: gb-launch --exec-as UID GID -- PROGRAM [ARGS...]");
    int e = drop_to(parse_num("--exec-as uid", argv[2]), parse_num("--exec-as gid", argv[3]));
    if (e != 0) die("--exec-as %s %s: %s", argv[2], argv[3], strerror(e));
    execvp(argv[5], argv + 5);
    die("exec %s: %s", argv[5], strerror(errno));
}

int main(int argc, char **argv) {
    if (argc == 2 && strcmp(argv[1], "--keepalive") == 0) keepalive();
    if (argc == 2 && strcmp(argv[1], "--serve") == 0) serve();
    if (argc > 1 && strcmp(argv[1], "--exec-as") == 0) exec_as(argc, argv);

    /* Make sure 0-2 exist, so no descriptor we open later lands there by accident. */
    for (int fd = 0; fd < 3; fd++) {
        if (fcntl(fd, F_GETFD) < 0) {
            int n = open("/dev/null", O_RDWR);
            if (n >= 0 && n != fd) close(n);
        }
    }

    struct options o;
    parse(argc, argv, &o);
    int fl = fcntl(o.report_fd, F_GETFD);
    if (fl < 0) die("report fd %d is not open", o.report_fd);
    fcntl(o.report_fd, F_SETFD, fl | FD_CLOEXEC);
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    /* Orphans (double-forked daemons) reparent to us even when we are not pid 1, so we can kill and reap them. */
    prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
    /* A fork bomb must not starve the desktop; only ever lowers priority. */
    errno = 0;
    int prio = getpriority(PRIO_PROCESS, 0);
    if (errno == 0 && prio < 10) setpriority(PRIO_PROCESS, 0, 10);
    signal(SIGPIPE, SIG_IGN);

    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, NULL);

    int errpipe[2];
    if (pipe2(errpipe, O_CLOEXEC) != 0) die("pipe: %s", strerror(errno));

    pid_t self = getpid();
    int pid1 = self == 1;
    long page_kb = sysconf(_SC_PAGESIZE) / 1024;
    long hz = sysconf(_SC_CLK_TCK);
    if (page_kb <= 0) page_kb = 4;
    if (hz <= 0) hz = 100;

    long long start = now_ns();
    pid_t child = fork();
    if (child < 0) die("fork: %s", strerror(errno));
    if (child == 0) {
        close(errpipe[0]);
        run_child(&o, errpipe[1], self);
    }
    close(errpipe[1]);

    int main_done = 0, main_status = 0;
    long long main_end = 0;
    long long reaped_us = 0, maxrss_kb = 0, peak_total_kb = 0;
    int wall_timeout = 0, cpu_timeout = 0, mem_killed = 0, killing = 0, killed_others = 0;

    for (;;) {
        struct rusage ru;
        int status;
        pid_t p;
        int no_children = 0;
        for (;;) {
            p = wait4(-1, &status, WNOHANG | __WALL, &ru);
            if (p > 0) {
                reaped_us += (long long)ru.ru_utime.tv_sec * 1000000 + ru.ru_utime.tv_usec
                             + (long long)ru.ru_stime.tv_sec * 1000000 + ru.ru_stime.tv_usec;
                if (ru.ru_maxrss > maxrss_kb) maxrss_kb = ru.ru_maxrss;
                if (p == child) {
                    main_done = 1;
                    main_status = status;
                    main_end = now_ns();
                }
                continue;
            }
            if (p < 0 && errno == EINTR) continue;
            if (p < 0 && errno == ECHILD) no_children = 1;
            break;
        }
        if (main_done && no_children) break;

        if (main_done || killing) {
            /* The run is over: nothing may outlive it. Repeated every round until wait4 says ECHILD, which (with
             * the subreaper flag) means no descendant is left. */
            if (pid1) kill(-1, SIGKILL);
            struct scan s = scan_descendants(self, page_kb, 1, child);
            if (s.others > killed_others) killed_others = s.others;
            killing = 1;
        } else {
            struct scan s = scan_descendants(self, page_kb, 0, child);
            if (s.rss_kb > peak_total_kb) peak_total_kb = s.rss_kb;
            long long elapsed_ms = (now_ns() - start) / 1000000;
            long long cpu_ms = reaped_us / 1000 + s.ticks * 1000 / hz;
            if (o.wall_ms > 0 && elapsed_ms >= o.wall_ms) wall_timeout = 1;
            if (o.cpu_ms > 0 && cpu_ms > o.cpu_ms) cpu_timeout = 1;
            if (o.mem_kb > 0 && s.rss_kb > o.mem_kb) mem_killed = 1;
            if (wall_timeout || cpu_timeout || mem_killed) {
                if (pid1) kill(-1, SIGKILL);
                kill(-child, SIGKILL);
                struct scan k = scan_descendants(self, page_kb, 1, child);
                killed_others = s.others > k.others ? s.others : k.others;
                killing = 1;
                continue; /* reap right away */
            }
        }
        struct timespec ts = {0, POLL_NS};
        sigtimedwait(&chld, NULL, &ts);
    }
    if (main_end == 0) main_end = now_ns();

    int setup[2] = {0, 0};
    ssize_t n;
    do {
        n = read(errpipe[0], setup, sizeof setup);
    } while (n < 0 && errno == EINTR);
    int exec_errno = n == (ssize_t)sizeof setup ? setup[1] : 0;
    int exec_stage = n == (ssize_t)sizeof setup && setup[0] > 0 && setup[0] <= ST_LAST ? setup[0] : 0;

    long long cpu_total_ms = reaped_us / 1000;
    if (o.cpu_ms > 0 && cpu_total_ms > o.cpu_ms) cpu_timeout = 1;
    /* RLIMIT_CPU fires on the kernel's precise runtime clock; rusage is tick-sampled and can read a little lower. */
    if (WIFSIGNALED(main_status) && WTERMSIG(main_status) == SIGXCPU) cpu_timeout = 1;
    if (peak_total_kb > maxrss_kb) maxrss_kb = peak_total_kb;
    int exited = WIFEXITED(main_status);
    char buf[512];
    int len = snprintf(buf, sizeof buf,
                       "{\"exited\":%s,\"code\":%d,\"signal\":%d,\"wall_timeout\":%s,\"cpu_timeout\":%s,"
                       "\"mem_killed\":%s,\"cpu_ms\":%lld,\"wall_ms\":%lld,\"maxrss_kb\":%lld,\"exec_errno\":%d,"
                       "\"exec_stage\":\"%s\",\"killed_others\":%d}\n",
                       exited ? "true" : "false", exited ? WEXITSTATUS(main_status) : -1,
                       WIFSIGNALED(main_status) ? WTERMSIG(main_status) : 0, wall_timeout ? "true" : "false",
                       cpu_timeout ? "true" : "false", mem_killed ? "true" : "false", cpu_total_ms,
                       (main_end - start) / 1000000, maxrss_kb, exec_errno, stage_names[exec_stage], killed_others);
    if (len > 0) write_all(o.report_fd, buf, (size_t)len);
    return 0;
}
