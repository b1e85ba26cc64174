package org.gradebench.sandbox.bwrap;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** Hands out one sandbox uid per concurrent run, so process limits and leftovers are per run, not shared. */
final class UidPool {
    private final BlockingQueue<Integer> free;

    UidPool(int base, int count) {
        free = new ArrayBlockingQueue<>(count);
        for (int i = 0; i < count; i++) free.add(base + i);
    }

    int acquire() throws InterruptedException {
        return free.take();
    }

    void release(int uid) {
        free.add(uid);
    }
}
