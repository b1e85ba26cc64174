#!/usr/bin/env bash
# A PRIVATE Docker engine for Gradebench's Docker-backend tests, with container networking off.
#
#   scripts/docker-test-daemon.sh start    # as root: install docker.io if missing, start dockerd, wait for it
#   scripts/docker-test-daemon.sh stop     # stop it (containers it ran stop with it)
#   scripts/docker-test-daemon.sh status   # exit 0 when it answers
#
# Then: DOCKER_HOST=unix:///run/gradebench-test.sock mvn -B test -Dgroups=docker
#
# It also listens on tcp://127.0.0.1:23760 with mutual TLS (certificates made at first start under the data root,
# readable by root only), so the tests can prove a remote engine works the same (files through the archive API):
#   DOCKER_HOST=tcp://127.0.0.1:23760 DOCKER_TLS_VERIFY=1 DOCKER_CERT_PATH=/var/lib/gradebench-docker/tls/client
#
# Why a private daemon: it never touches the machine's own Docker (other data root, socket, pid file), it has no
# bridge and no iptables rules (tests must prove that grading needs no network at all), and stopping it cannot
# disturb anyone else's containers.
set -euo pipefail

SOCK=${GRADEBENCH_TEST_DOCKER_SOCK:-/run/gradebench-test.sock}
DATA=${GRADEBENCH_TEST_DOCKER_DATA:-/var/lib/gradebench-docker}
EXEC=${GRADEBENCH_TEST_DOCKER_EXEC:-/run/gradebench-docker}
PIDFILE=${GRADEBENCH_TEST_DOCKER_PIDFILE:-/run/gradebench-docker.pid}
LOG=${GRADEBENCH_TEST_DOCKER_LOG:-/var/log/gradebench-docker.log}
TLS_PORT=${GRADEBENCH_TEST_DOCKER_TLS_PORT:-23760}
TLS=$DATA/tls
# containerd is started by dockerd itself (managed mode) under the exec root; no system containerd needed.

need_root() {
  if [[ $(id -u) -ne 0 ]]; then
    echo "docker-test-daemon: must run as root (dockerd needs it)" >&2
    exit 2
  fi
}

answers() {
  # A bare HTTP ping over the socket: no docker CLI needed, and no API version pinned.
  [[ -S $SOCK ]] || return 1
  if command -v curl >/dev/null 2>&1; then
    [[ $(curl -s --max-time 2 --unix-socket "$SOCK" http://localhost/_ping 2>/dev/null) == OK ]]
  else
    DOCKER_HOST=unix://$SOCK timeout 3 docker version >/dev/null 2>&1
  fi
}

running_pid() {
  [[ -s $PIDFILE ]] || return 1
  local pid
  pid=$(cat "$PIDFILE")
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

install_if_missing() {
  if ! command -v dockerd >/dev/null 2>&1; then
    echo "docker-test-daemon: dockerd not found, installing docker.io" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends docker.io >&2 \
      || { apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends docker.io >&2; }
  fi
}

# A throwaway CA, a server certificate for 127.0.0.1/localhost and a client certificate, in the layout the docker
# CLI and docker-java read (DOCKER_CERT_PATH: ca.pem, cert.pem, key.pem). Made once; root-only.
make_certs() {
  [[ -s $TLS/client/key.pem && -s $TLS/server-key.pem ]] && return 0
  command -v openssl >/dev/null 2>&1 || { echo "docker-test-daemon: openssl missing, no TLS listener" >&2; return 1; }
  local t
  t=$(mktemp -d)
  (
    umask 077
    cd "$t"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=gradebench-test-ca" \
      -keyout ca-key.pem -out ca.pem 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost" -keyout server-key.pem -out server.csr 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' > server.ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 3650 \
      -extfile server.ext -out server-cert.pem 2>/dev/null
    openssl req -newkey rsa:2048 -nodes -subj "/CN=gradebench-test-client" -keyout key.pem -out client.csr 2>/dev/null
    printf 'extendedKeyUsage=clientAuth\n' > client.ext
    openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 3650 \
      -extfile client.ext -out cert.pem 2>/dev/null
  ) || { rm -rf "$t"; return 1; }
  mkdir -p "$TLS/client"
  chmod 700 "$TLS"
  install -m 600 "$t/ca.pem" "$TLS/ca.pem"
  install -m 600 "$t/server-cert.pem" "$TLS/server-cert.pem"
  install -m 600 "$t/server-key.pem" "$TLS/server-key.pem"
  install -m 600 "$t/ca.pem" "$TLS/client/ca.pem"
  install -m 600 "$t/cert.pem" "$TLS/client/cert.pem"
  install -m 600 "$t/key.pem" "$TLS/client/key.pem"
  rm -rf "$t"
}

start() {
  need_root
  if answers; then
    echo "docker-test-daemon: already running on unix://$SOCK"
    return 0
  fi
  install_if_missing
  mkdir -p "$DATA" "$EXEC" "$(dirname "$LOG")"
  local tls_args=()
  if make_certs; then
    tls_args=(--host "tcp://127.0.0.1:$TLS_PORT" --tlsverify --tlscacert "$TLS/ca.pem"
      --tlscert "$TLS/server-cert.pem" --tlskey "$TLS/server-key.pem")
  fi
  # --bridge=none: no docker0 and no default bridge network; containers can only get "none" (or host, which
  # Gradebench never asks for). --iptables/--ip-masq off: the daemon leaves the host firewall alone.
  setsid dockerd \
    --bridge=none --iptables=false --ip-masq=false --ip-forward=false \
    --host "unix://$SOCK" "${tls_args[@]}" \
    --data-root "$DATA" --exec-root "$EXEC" --pidfile "$PIDFILE" \
    --log-level warn \
    >>"$LOG" 2>&1 </dev/null &
  local i
  for i in $(seq 1 120); do
    if answers; then
      echo "docker-test-daemon: running on unix://$SOCK (pid $(cat "$PIDFILE" 2>/dev/null), log $LOG)"
      return 0
    fi
    sleep 0.5
  done
  echo "docker-test-daemon: dockerd did not answer within 60 s; last log lines:" >&2
  tail -n 20 "$LOG" >&2 || true
  exit 1
}

stop() {
  need_root
  local pid
  if ! pid=$(running_pid); then
    echo "docker-test-daemon: not running"
    return 0
  fi
  kill -TERM "$pid"
  local i
  for i in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { echo "docker-test-daemon: stopped"; return 0; }
    sleep 0.5
  done
  echo "docker-test-daemon: dockerd (pid $pid) still running after 30 s; sending SIGKILL" >&2
  kill -KILL "$pid" 2>/dev/null || true
}

status() {
  if answers; then
    echo "docker-test-daemon: running on unix://$SOCK (pid $(running_pid || echo '?'))"
    return 0
  fi
  echo "docker-test-daemon: not answering on unix://$SOCK"
  return 1
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
