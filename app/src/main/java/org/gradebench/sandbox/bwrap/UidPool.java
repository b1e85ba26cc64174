package org.gradebench.sandbox.bwrap;

import org.gradebench.core.run.SandboxException;
import org.gradebench.sandbox.launcher.RuntimeDirs;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out one sandbox uid per concurrent run, so process limits and leftovers are per run, not shared.
 * <p>
 * Uids are also locked across processes (a lock file per uid): two Gradebench processes on one machine (the window
 * and a `grade` in a terminal, or parallel CI jobs) must never run programs under the same uid, because the
 * leftover sweep after a run kills every process of its uid.
 */
final class UidPool {
    private static final long RETRY_MS = 20;

    private final BlockingQueue<Integer> free;
    private final int count;
    private final Path lockDir;
    private final Map<Integer, FileChannel> held = new ConcurrentHashMap<>();

    UidPool(int base, int count, Path lockDir) {
        this.count = count;
        this.lockDir = lockDir;
        free = new ArrayBlockingQueue<>(count);
        for (int i = 0; i < count; i++) free.add(base + i);
    }

    static Path defaultLockDir() throws SandboxException {
        return RuntimeDirs.ensureDir(RuntimeDirs.userRoot().resolve("uid-locks"), RuntimeDirs.PRIVATE);
    }

    int acquire() throws InterruptedException {
        int misses = 0;
        while (true) {
            int uid = free.take();
            if (lock(uid)) return uid;
            free.add(uid); // another process runs under it now; try the next
            if (++misses % count == 0) Thread.sleep(RETRY_MS);
        }
    }

    void release(int uid) {
        FileChannel ch = held.remove(uid);
        if (ch != null) {
            try {
                ch.close(); // releases the lock
            } catch (IOException e) {
                // closing a lock file cannot meaningfully fail; the lock goes with the channel anyway
            }
        }
        free.add(uid);
    }

    private boolean lock(int uid) throws InterruptedException {
        FileChannel ch = null;
        try {
            ch = FileChannel.open(lockDir.resolve(uid + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = ch.tryLock();
            if (lock == null) {
                ch.close();
                return false;
            }
            held.put(uid, ch);
            return true;
        } catch (ClosedByInterruptException e) {
            Thread.interrupted();
            throw new InterruptedException("interrupted while locking sandbox uid " + uid);
        } catch (IOException | OverlappingFileLockException e) {
            if (ch != null) {
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
            return false;
        }
    }
}
