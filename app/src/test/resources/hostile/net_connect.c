/* Tries TCP to a host listener on 127.0.0.1 (port in argv[1]) and to a public address. Both must fail. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
static void try(const char *ip, int port) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0) { printf("%s:%d socket failed: %s\n", ip, port, strerror(errno)); return; }
    struct sockaddr_in a; memset(&a, 0, sizeof a);
    a.sin_family = AF_INET; a.sin_port = htons(port); inet_pton(AF_INET, ip, &a.sin_addr);
    if (connect(s, (struct sockaddr *)&a, sizeof a) == 0) { printf("%s:%d CONNECTED\n", ip, port); write(s, "pwned\n", 6); }
    else printf("%s:%d connect failed: %s\n", ip, port, strerror(errno));
    close(s);
}
int main(int argc, char **argv) {
    try("127.0.0.1", argc > 1 ? atoi(argv[1]) : 80);
    try("192.0.2.1", 80); /* TEST-NET-1: never a real host */
    return 0;
}
