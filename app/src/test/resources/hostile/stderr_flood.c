/* Writes to stderr forever. */
#include <unistd.h>
int main(void) { char b[4096]; for (int i = 0; i < 4096; i++) b[i] = 'e'; for (;;) if (write(2, b, sizeof b) < 0) return 9; }
