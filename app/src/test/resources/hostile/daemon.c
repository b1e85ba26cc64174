/* Double fork + setsid: a daemon that would outlive the main process. */
#include <stdio.h>
#include <unistd.h>
int main(void) {
    if (fork() == 0) { setsid(); if (fork() == 0) { for (int i = 0; i < 60; i++) sleep(1); _exit(0); } _exit(0); }
    printf("main done\n");
    return 0;
}
