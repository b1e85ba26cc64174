/* Pure CPU loop: must end as TLE (SIGXCPU/SIGKILL, cpu about the limit). */
int main(void) { volatile unsigned long x = 0; for (;;) x++; }
