#!/usr/bin/env bash
# Builds the jpackage app image from the packaged jar (called by `mvn -Pjpackage package`; see README.md here).
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
jar=$1
cd "$root"
input=app/target/jpackage-input
cp "$jar" "$input/gradebench-app.jar"
rm -rf app/target/dist
jpackage @packaging/jpackage/app-image.txt
app/target/dist/gradebench/bin/gradebench --version
