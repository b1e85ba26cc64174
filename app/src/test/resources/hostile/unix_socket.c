/* Tries unix sockets: the host's test socket (argv[1]), the Docker and D-Bus sockets, X11 (path and abstract). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
static void try(const char *path, int abstract) {
    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un a; memset(&a, 0, sizeof a); a.sun_family = AF_UNIX;
    strncpy(a.sun_path + (abstract ? 1 : 0), path, sizeof a.sun_path - 2);
    socklen_t len = abstract ? (socklen_t)(sizeof(sa_family_t) + 1 + strlen(path)) : sizeof a;
    if (connect(s, (struct sockaddr *)&a, len) == 0) printf("%s%s CONNECTED\n", abstract ? "@" : "", path);
    else printf("%s%s failed: %s\n", abstract ? "@" : "", path, strerror(errno));
    close(s);
}
int main(int argc, char **argv) {
    if (argc > 1) try(argv[1], 0);
    try("/run/docker.sock", 0); try("/var/run/docker.sock", 0); try("/run/dbus/system_bus_socket", 0);
    try("/tmp/.X11-unix/X0", 0); try("/tmp/.X11-unix/X0", 1);
    if (argc > 2) try(argv[2], 1);
    return 0;
}
