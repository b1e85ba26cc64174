package org.gradebench.sandbox.bwrap;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands out one sandbox uid per concurrent run, so process limits and leftovers are per run, not shared. Uids are
 * system-wide, so besides the in-JVM queue every lease holds an exclusive lock on {@code <lockDir>/uid-<n>.lock}:
 * two Gradebench processes on one machine (the GUI and a CLI run, two test suites) never use the same uid at once,
 * and one never kills the other's processes as "leftovers".
 */
final class UidPool {
    private static final long RETRY_MS = 20;

    private final BlockingQueue<Integer> free;
    private final Path lockDir;
    private final int count;

    UidPool(int base, int count, Path lockDir) {
        this.free = new ArrayBlockingQueue<>(count);
        this.lockDir = lockDir;
        this.count = count;
        for (int i = 0; i < count; i++) free.add(base + i);
    }

    /** A uid held exclusively until {@link #close()}. */
    final class Lease implements AutoCloseable {
        private final int uid;
        private final FileChannel channel;
        private final FileLock lock;

        private Lease(int uid, FileChannel channel, FileLock lock) {
            this.uid = uid;
            this.channel = channel;
            this.lock = lock;
        }

        int uid() {
            return uid;
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // closing the channel releases the lock in any case
            } finally {
                free.add(uid);
            }
        }
    }

    /** Blocks until a uid is free in this JVM and not locked by another process. */
    Lease acquire() throws InterruptedException, IOException {
        int misses = 0;
        for (;;) {
            int uid = free.take();
            Optional<Lease> lease;
            try {
                lease = tryLock(uid);
            } catch (IOException | RuntimeException e) {
                free.add(uid);
                throw e;
            }
            if (lease.isPresent()) return lease.get();
            free.add(uid);
            if (++misses >= count) {
                // every uid is busy in other processes: wait a little rather than spin
                TimeUnit.MILLISECONDS.sleep(RETRY_MS);
                misses = 0;
            }
        }
    }

    private Optional<Lease> tryLock(int uid) throws IOException {
        Path file = lockDir.resolve("uid-" + uid + ".lock");
        FileChannel ch = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        if (lock == null) {
            ch.close();
            return Optional.empty();
        }
        return Optional.of(new Lease(uid, ch, lock));
    }
}
