#!/usr/bin/env bash
# Builds the in-sandbox launcher as a static binary (it must run in any image: Debian host dirs, busybox, distroless).
# Called by Maven in generate-resources. Skips the compile when the binary is newer than the source.
set -euo pipefail
src=$1
out=$2
mkdir -p "$(dirname "$out")"
if [[ -x "$out" && "$out" -nt "$src" ]]; then exit 0; fi
if ! command -v gcc >/dev/null 2>&1; then
  echo "gcc is needed to build the sandbox launcher ($src): apt-get install -y gcc libc6-dev" >&2
  exit 1
fi
gcc -static -O2 -Wall -Wextra -o "$out.tmp" "$src"
strip "$out.tmp" 2>/dev/null || true
mv "$out.tmp" "$out"
