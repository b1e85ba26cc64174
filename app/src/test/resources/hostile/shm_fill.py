# Fills /dev/shm (POSIX shared memory) with 512 KiB files (under the file size limit) until the size-limited tmpfs
# refuses.
n = 0
try:
    while True:
        with open("/dev/shm/fill%d" % n, "wb") as f:
            f.write(b"s" * (512 << 10))
        n += 1
except OSError as e:
    print("stopped after", n // 2, "MiB:", e.strerror)
