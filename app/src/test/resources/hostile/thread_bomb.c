/* Creates sleeping threads until it cannot; prints how many it got. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
static void *idle(void *a) { (void)a; pause(); return 0; }
int main(void) {
    pthread_attr_t at; pthread_attr_init(&at); pthread_attr_setstacksize(&at, 64 << 10);
    int n = 0; pthread_t t;
    while (n < 100000 && pthread_create(&t, &at, idle, 0) == 0) n++;
    printf("threads=%d\n", n);
    return 1;
}
