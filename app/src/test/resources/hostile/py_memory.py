# Grows a list of 1 MiB buffers until MemoryError (RLIMIT_AS) or the memory kill.
chunks = []
while True:
    chunks.append(bytearray(1 << 20))
