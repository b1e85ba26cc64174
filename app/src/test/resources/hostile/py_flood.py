# Print flood: CPython ignores SIGXFSZ, so it ends with OSError (File too large) at the file size limit.
import sys
line = "y" * 1000
while True:
    print(line)
