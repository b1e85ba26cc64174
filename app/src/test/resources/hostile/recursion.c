/* Infinite recursion: SIGSEGV when the stack hits the address-space limit, or killed at the memory limit. */
#include <stdio.h>
static int depth(volatile char *prev) { volatile char frame[256]; frame[0] = prev ? prev[0] + 1 : 0; return depth(frame) + frame[1]; }
int main(void) { printf("%d\n", depth(0)); return 0; }
