/* Integer division by zero: SIGFPE. */
#include <stdio.h>
int main(int argc, char **argv) { (void)argv; volatile int z = argc - 1; printf("%d\n", 10 / z); return 0; }
