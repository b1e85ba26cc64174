#!/usr/bin/env bash
# Runs the sandbox test suites (org.gradebench.sandbox, except the Docker backend) as an ordinary user, the way a
# student or TA runs Gradebench on a laptop: no root anywhere, programs in an unprivileged user namespace.
#
# Must be started as root (it creates the user). Steps: create the user (default gbtest) if missing, build the test
# classes unless GB_SKIP_BUILD=1, copy classes, test classes and dependency jars into a world-readable temp folder,
# run the JUnit console launcher there as that user, and remove the folder. Exits non-zero on any failure.
# CI=true is passed through: a missing bwrap then fails the tests instead of skipping them.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
  echo "run-sandbox-tests-as-user: start this as root (it creates the test user and switches to it)" >&2
  exit 2
fi
user=${GB_TEST_USER:-gbtest}
junit_version=6.1.3
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
root=$(cd "$here/../../../.." && pwd)
app="$root/app"

if ! id -u "$user" >/dev/null 2>&1; then
  echo "creating the ordinary user $user" >&2
  useradd --no-create-home --shell /usr/sbin/nologin --user-group "$user"
fi

mvn_flags=(-q -B)
[ "${GB_MAVEN_OFFLINE:-1}" = 1 ] && mvn_flags+=(-o)
if [ "${GB_SKIP_BUILD:-0}" != 1 ]; then
  (cd "$root" && mvn "${mvn_flags[@]}" -pl app test-compile)
fi
[ -d "$app/target/test-classes" ] || { echo "no test classes in $app/target; build first" >&2; exit 2; }
[ -x "$app/target/classes/org/gradebench/sandbox/launcher/gb-launch" ] || {
  echo "the launcher was not built ($app/target/classes/org/gradebench/sandbox/launcher/gb-launch)" >&2; exit 2; }

work=$(mktemp -d /tmp/gb-usertest.XXXXXX)
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work/lib" "$work/home" "$work/tmp"

(cd "$root" && mvn "${mvn_flags[@]}" -pl app dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$work/classpath.txt")
(cd "$root" && mvn "${mvn_flags[@]}" -pl app dependency:copy \
    -Dartifact="org.junit.platform:junit-platform-console-standalone:$junit_version" -DoutputDirectory="$work")
# The standalone console jar carries JUnit itself; the project's own JUnit jars would be duplicates.
tr ':' '\n' < "$work/classpath.txt" | grep -v -E '/org/junit/|/org/opentest4j/|/org/apiguardian/' \
  | while read -r jar; do [ -n "$jar" ] && cp "$jar" "$work/lib/"; done
cp -r "$app/target/classes" "$work/classes"
cp -r "$app/target/test-classes" "$work/test-classes"
chmod -R a+rX "$work"
chmod 755 "$work"
chown "$user:" "$work/home" "$work/tmp"
chmod 700 "$work/home" "$work/tmp"

cp="$work/test-classes:$work/classes"
for jar in "$work"/lib/*.jar; do cp="$cp:$jar"; done
echo "running the sandbox tests as $user (uid $(id -u "$user"))" >&2
set +e
runuser -u "$user" -- env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$work/home" LANG=C.UTF-8 CI="${CI:-}" \
  java -Djava.io.tmpdir="$work/tmp" -jar "$work/junit-platform-console-standalone-$junit_version.jar" execute \
    --class-path "$cp" --select-package org.gradebench.sandbox --exclude-package org.gradebench.sandbox.docker \
    --fail-if-no-tests --details=tree --disable-banner
rc=$?
set -e
if [ $rc -ne 0 ]; then
  echo "run-sandbox-tests-as-user: FAILED (exit $rc)" >&2
  exit $rc
fi
echo "run-sandbox-tests-as-user: all sandbox tests passed as $user" >&2
