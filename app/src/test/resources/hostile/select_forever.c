/* Blocks forever in select() with no descriptors (CMS timeout-select). */
#include <sys/select.h>
#include <stddef.h>
int main(void) { select(0, NULL, NULL, NULL, NULL); return 0; }
