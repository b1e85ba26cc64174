/* Classic fork bomb: bounded by RLIMIT_NPROC of the dedicated uid, ended by the limits, nothing left afterwards. */
#include <unistd.h>
int main(void) { for (;;) fork(); }
