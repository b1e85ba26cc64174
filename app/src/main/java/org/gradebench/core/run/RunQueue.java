package org.gradebench.core.run;

import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one parallelism limit of the application: a named fixed pool that every sandboxed run goes through. Nothing
 * else in Gradebench starts threads for runs. The limit can change between sessions ({@link #setParallelism}).
 */
public final class RunQueue implements AutoCloseable {
    private final ThreadPoolExecutor pool;

    public RunQueue(int parallelism) {
        this(parallelism, new NamedThreadFactory("gradebench-run"));
    }

    public RunQueue(int parallelism, ThreadFactory threads) {
        int n = check(parallelism);
        pool = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        pool.allowCoreThreadTimeOut(true);
    }

    public static int defaultParallelism() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    private static int check(int n) {
        if (n < 1 || n > 256) throw new IllegalArgumentException("parallelism must be between 1 and 256, got " + n);
        return n;
    }

    public synchronized void setParallelism(int parallelism) {
        int n = check(parallelism);
        if (n > pool.getMaximumPoolSize()) {
            pool.setMaximumPoolSize(n);
            pool.setCorePoolSize(n);
        } else {
            pool.setCorePoolSize(n);
            pool.setMaximumPoolSize(n);
        }
    }

    public int parallelism() {
        return pool.getMaximumPoolSize();
    }

    public Future<?> submit(Runnable task) {
        return pool.submit(task);
    }

    /** Number of tasks waiting (not running). */
    public int waiting() {
        return pool.getQueue().size();
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The only ThreadFactory of the application: named daemon threads. */
    public static final class NamedThreadFactory implements ThreadFactory {
        private final String prefix;
        private final AtomicInteger counter = new AtomicInteger();

        public NamedThreadFactory(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, prefix + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
