#!/usr/bin/env bash
# Renders the README screenshots: starts a private Xvfb display, runs Gradebench with a fresh data folder, opens the
# Python sample, grades it, selects a wrong answer, and saves PNGs of the main screens to docs/screenshots/.
#   scripts/screenshots.sh [OUTPUT_DIR]        (needs Xvfb: apt-get install xvfb)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
out=${1:-"$root/docs/screenshots"}
display=:${GRADEBENCH_SCREENSHOT_DISPLAY:-97}
scratch=$(mktemp -d)
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >"$scratch/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$scratch"' EXIT
sleep 1
mkdir -p "$out"
# a fresh data folder: first-start state, an empty history, and default window size
DISPLAY=$display XDG_DATA_HOME="$scratch/data" \
  GRADEBENCH_JAVA_OPTS="-Xmx1g -Dgradebench.screenshots=$out -Dgradebench.uiPrefs=$scratch/window.properties" \
  "$root/gradebench"
ls -1 "$out"/*.png
