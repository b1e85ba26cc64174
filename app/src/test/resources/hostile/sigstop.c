/* Stops itself forever (CMS timeout-sigstop): the launcher must not wait for it. */
#include <signal.h>
int main(void) { for (;;) raise(SIGSTOP); }
