#!/usr/bin/env bash
# Runs every Gradebench test on this machine: unit, store, io, architecture, GUI (headless Monocle), and the
# sandbox suites against real bubblewrap and a real Docker engine, as root and as an ordinary user.
#
# Run as root on a fresh Debian machine, it installs what the tests need (JDK, Maven, compilers, bubblewrap,
# docker.io), starts a private Docker daemon with networking off, builds the local toolchain images, and stops the
# daemon at the end. As an ordinary user, it uses what is there and skips (outside CI) what is missing.
# Under CI=true a missing sandbox backend is a failure, never a skip.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
cd "$root"
export CI="${CI:-false}"

log() { printf '\n=== %s\n' "$*" >&2; }
need() { command -v "$1" >/dev/null 2>&1; }

if [ "$(id -u)" -eq 0 ] && need apt-get; then
  pkgs=()
  need javac || pkgs+=(openjdk-17-jdk-headless)
  need mvn || pkgs+=(maven)
  need gcc || pkgs+=(gcc libc6-dev)
  need g++ || pkgs+=(g++)
  [ -x /usr/bin/python3 ] || pkgs+=(python3)
  need node || pkgs+=(nodejs)
  need bwrap || pkgs+=(bubblewrap)
  need dockerd || pkgs+=(docker.io)
  if [ ${#pkgs[@]} -gt 0 ]; then
    log "installing ${pkgs[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}"
  fi
fi

docker_started=false
cleanup() {
  if $docker_started; then
    log "stopping the private Docker daemon"
    bash scripts/docker-test-daemon.sh stop || true
  fi
}
trap cleanup EXIT

if [ "$(id -u)" -eq 0 ] && need dockerd; then
  log "starting a private Docker daemon (no networking)"
  if bash scripts/docker-test-daemon.sh start; then
    docker_started=true
    export DOCKER_HOST=unix:///run/gradebench-test.sock
  elif [ "$CI" = "true" ]; then
    echo "run-tests: the Docker daemon did not start (see above)" >&2
    exit 1
  fi
fi

log "building"
./gradebench --version

if [ -n "${DOCKER_HOST:-}" ]; then
  log "building the local toolchain images"
  ./gradebench images build
fi

log "running the test suites (unit, store, io, sandbox bwrap+docker, GUI headless)"
mvn -B -Pheadless verify

if [ "$(id -u)" -eq 0 ]; then
  log "running the sandbox suite again as an ordinary user (no root anywhere)"
  bash app/src/test/sh/run-sandbox-tests-as-user.sh
fi

log "end-to-end: grading a bundled sample with ./gradebench grade"
bash scripts/e2e-grade-sample.sh
log "all tests passed"
