# shellcheck shell=bash
# Real servers for the tests (sourced by ./test.sh). Later issues add Dovecot, Postfix, PostgreSQL and Redis here:
# write a start_<name> function that starts the daemon directly (there is no systemd on the developers' and CI's
# machines), waits until it answers, exports where it listens (e.g. FIRSTLINE_TEST_POSTGRES=...), and calls
#   register_stop <name> <command that stops it>
# Then add <name> to TEST_SERVERS. ./test.sh's EXIT trap stops whatever was started, in reverse order, even when
# the build or a test fails. A test whose server is missing must FAIL (never skip), as the real-client tests do.

TEST_SERVERS=()          # e.g. (postgresql redis dovecot postfix) once their start_* functions exist
STARTED_SERVER_NAMES=()
STARTED_SERVER_STOPS=()

register_stop() {
  STARTED_SERVER_NAMES+=("$1")
  STARTED_SERVER_STOPS+=("$2")
}

start_test_servers() {
  local name
  for name in "${TEST_SERVERS[@]}"; do
    step "starting $name"
    "start_$name"
  done
}

stop_test_servers() {
  local i
  for ((i = ${#STARTED_SERVER_NAMES[@]} - 1; i >= 0; i--)); do
    echo "test.sh: stopping ${STARTED_SERVER_NAMES[i]}"
    bash -c "${STARTED_SERVER_STOPS[i]}" >/dev/null 2>&1 || echo "test.sh: warning: stopping ${STARTED_SERVER_NAMES[i]} failed" >&2
  done
  STARTED_SERVER_NAMES=()
  STARTED_SERVER_STOPS=()
}

# Placeholders so the shape is clear; each later issue replaces its own.
start_postgresql() { echo "test.sh: start_postgresql is not implemented yet" >&2; return 1; }
start_redis() { echo "test.sh: start_redis is not implemented yet" >&2; return 1; }
start_dovecot() { echo "test.sh: start_dovecot is not implemented yet" >&2; return 1; }
start_postfix() { echo "test.sh: start_postfix is not implemented yet" >&2; return 1; }
