/* Idle: no CPU, must be stopped by the wall limit. */
#include <unistd.h>
int main(void) { sleep(100); return 0; }
