# shellcheck shell=bash
# Real servers for the tests (sourced by ./test.sh): Dovecot, Postfix, PostgreSQL, Redis. To add one,
# write a start_<name> function that starts the daemon directly (there is no systemd on the developers' and CI's
# machines), waits until it answers, exports where it listens (e.g. FIRSTLINE_TEST_POSTGRES=...), and calls
#   register_stop <name> <command that stops it>
# Then add <name> to TEST_SERVERS. ./test.sh's EXIT trap stops whatever was started, in reverse order, even when
# the build or a test fails. A test whose server is missing must FAIL (never skip), as the real-client tests do.

TEST_SERVERS=(dovecot postfix postgresql redis)
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

# ---------------------------------------------------------------------------------------------------------------
# Mail: Dovecot (IMAP 127.0.0.1:1143, LMTP 127.0.0.1:2424) and Postfix (SMTP 127.0.0.1:2525 -> LMTP -> Dovecot),
# each from its own configuration under one temp folder; /etc/dovecot and /etc/postfix are not used or changed.
# Users: every address @example.test is a mailbox (full address = login, password "secret"), so tests that run at
# the same time can each use their own; support@example.test and kunde@example.test are the usual pair.
# Exports FIRSTLINE_TEST_IMAP=127.0.0.1:1143, FIRSTLINE_TEST_SMTP=127.0.0.1:2525 and FIRSTLINE_TEST_MAIL_DIR.
FIRSTLINE_MAIL_IMAP_PORT=1143
FIRSTLINE_MAIL_LMTP_PORT=2424
FIRSTLINE_MAIL_SMTP_PORT=2525

port_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for_port() {
  local port=$1 name=$2 i
  for ((i = 0; i < 100; i++)); do
    if port_answers "$port"; then return 0; fi
    sleep 0.1
  done
  echo "test.sh: $name did not start listening on 127.0.0.1:$port" >&2
  return 1
}

# One folder for both servers' configuration, state, queues, maildirs and logs (kept after the run for its logs).
ensure_mail_dir() {
  if [[ -z "${FIRSTLINE_TEST_MAIL_DIR:-}" ]]; then
    FIRSTLINE_TEST_MAIL_DIR="$(mktemp -d "${TMPDIR:-/tmp}/firstline-mail.XXXXXX")"
    chmod 755 "$FIRSTLINE_TEST_MAIL_DIR"
    export FIRSTLINE_TEST_MAIL_DIR
  fi
}

start_dovecot() {
  if ! command -v dovecot >/dev/null 2>&1 || [[ ! -e /usr/lib/dovecot/lmtp ]]; then
    step "installing Dovecot (apt, about 45 s)"
    apt_install dovecot-imapd dovecot-lmtpd
  fi
  export FIRSTLINE_TEST_IMAP="127.0.0.1:$FIRSTLINE_MAIL_IMAP_PORT"
  if port_answers "$FIRSTLINE_MAIL_IMAP_PORT"; then
    echo "test.sh: something already listens on $FIRSTLINE_TEST_IMAP; using it (not stopped at the end)"
    return 0
  fi
  ensure_mail_dir
  local m=$FIRSTLINE_TEST_MAIL_DIR
  as_root mkdir -p "$m/run" "$m/state"
  as_root install -d -o mail -g mail "$m/vhome"
  cat >"$m/dovecot.conf" <<CONF
protocols = imap lmtp
listen = 127.0.0.1
base_dir = $m/run/
state_dir = $m/state
log_path = $m/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
first_valid_uid = 8
first_valid_gid = 8
namespace inbox {
  inbox = yes
  separator = /
}
passdb {
  driver = static
  args = password=secret
}
userdb {
  driver = static
  args = uid=mail gid=mail home=$m/vhome/%u allow_all_users=yes
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $FIRSTLINE_MAIL_IMAP_PORT
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $FIRSTLINE_MAIL_LMTP_PORT
  }
}
protocol lmtp {
  postmaster_address = postmaster@example.test
}
CONF
  if ! as_root dovecot -c "$m/dovecot.conf" >"$m/dovecot-start.log" 2>&1; then
    echo "test.sh: Dovecot did not start:" >&2
    cat "$m/dovecot-start.log" "$m/dovecot.log" >&2 2>/dev/null || true
    return 1
  fi
  register_stop dovecot "doveadm -c '$m/dovecot.conf' stop </dev/null || kill \$(cat '$m/run/master.pid')"
  wait_for_port "$FIRSTLINE_MAIL_IMAP_PORT" "Dovecot IMAP"
  wait_for_port "$FIRSTLINE_MAIL_LMTP_PORT" "Dovecot LMTP"
}

start_postfix() {
  if ! command -v postfix >/dev/null 2>&1; then
    step "installing Postfix (apt, about 16 s)"
    apt_install postfix
  fi
  export FIRSTLINE_TEST_SMTP="127.0.0.1:$FIRSTLINE_MAIL_SMTP_PORT"
  if port_answers "$FIRSTLINE_MAIL_SMTP_PORT"; then
    echo "test.sh: something already listens on $FIRSTLINE_TEST_SMTP; using it (not stopped at the end)"
    return 0
  fi
  ensure_mail_dir
  local m=$FIRSTLINE_TEST_MAIL_DIR
  as_root mkdir -p "$m/postfix"
  as_root install -d -m 755 -o root -g root "$m/postfix-queue"
  as_root install -d -m 700 -o postfix -g postfix "$m/postfix-data"
  cat >"$m/postfix/main.cf" <<CONF
compatibility_level = 3.6
queue_directory = $m/postfix-queue
data_directory = $m/postfix-data
maillog_file = $m/postfix.log
maillog_file_prefixes = /var, /dev/stdout, $m
myhostname = mail.example.test
mydomain = example.test
myorigin = \$mydomain
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
mydestination =
local_recipient_maps =
alias_maps =
alias_database =
relayhost =
relay_domains =
virtual_mailbox_domains = example.test
virtual_transport = lmtp:inet:127.0.0.1:$FIRSTLINE_MAIL_LMTP_PORT
default_transport = error:outbound delivery disabled (test instance)
smtpd_relay_restrictions = permit_mynetworks reject_unauth_destination
smtpd_tls_security_level = none
smtp_tls_security_level = none
biff = no
# Room for the 25 MB attachment case (base64 makes it ~34 MB on the wire).
message_size_limit = 52428800
CONF
  cat >"$m/postfix/master.cf" <<CONF
127.0.0.1:$FIRSTLINE_MAIL_SMTP_PORT  inet  n       -      n      -      -       smtpd
pickup          unix  n       -      n      60     1       pickup
cleanup         unix  n       -      n      -      0       cleanup
qmgr            unix  n       -      n      300    1       qmgr
rewrite         unix  -       -      n      -      -       trivial-rewrite
bounce          unix  -       -      n      -      0       bounce
defer           unix  -       -      n      -      0       bounce
trace           unix  -       -      n      -      0       bounce
verify          unix  -       -      n      -      1       verify
flush           unix  n       -      n      1000?  0       flush
proxymap        unix  -       -      n      -      -       proxymap
smtp            unix  -       -      n      -      -       smtp
relay           unix  -       -      n      -      -       smtp
showq           unix  n       -      n      -      -       showq
error           unix  -       -      n      -      -       error
retry           unix  -       -      n      -      -       error
discard         unix  -       -      n      -      -       discard
lmtp            unix  -       -      n      -      -       lmtp
anvil           unix  -       -      n      -      1       anvil
scache          unix  -       -      n      -      1       scache
postlog         unix-dgram n  -      n      -      1       postlogd
CONF
  # Postfix is silent without a TTY or syslog; script(1) gives it one so a failure shows its reason.
  if ! as_root script -qec "postfix -c '$m/postfix' start" "$m/postfix-start.log" >/dev/null 2>&1; then
    echo "test.sh: Postfix did not start:" >&2
    cat "$m/postfix-start.log" >&2 2>/dev/null || true
    return 1
  fi
  register_stop postfix "script -qc \"postfix -c '$m/postfix' stop\" /dev/null"
  wait_for_port "$FIRSTLINE_MAIL_SMTP_PORT" "Postfix SMTP"
}

# ---------------------------------------------------------------------------------------------------------------
# Redis on 127.0.0.1:6390 for the scale-out tests (pub/sub fan-out and the turn lock between FirstLine nodes), from
# its own folder: no persistence, nothing under /etc/redis used or changed. Exports FIRSTLINE_TEST_REDIS=127.0.0.1:6390.
FIRSTLINE_REDIS_PORT=6390

start_redis() {
  if ! command -v redis-server >/dev/null 2>&1; then
    step "installing Redis (apt, about 12 s)"
    apt_install redis-server
  fi
  export FIRSTLINE_TEST_REDIS="127.0.0.1:$FIRSTLINE_REDIS_PORT"
  if port_answers "$FIRSTLINE_REDIS_PORT"; then
    echo "test.sh: something already listens on $FIRSTLINE_TEST_REDIS; using it (not stopped at the end)"
    return 0
  fi
  local r
  r="$(mktemp -d "${TMPDIR:-/tmp}/firstline-redis.XXXXXX")"
  cat >"$r/redis.conf" <<CONF
bind 127.0.0.1
port $FIRSTLINE_REDIS_PORT
daemonize yes
dir $r
pidfile $r/redis.pid
logfile $r/redis.log
save ""
appendonly no
CONF
  if ! redis-server "$r/redis.conf" >"$r/redis-start.log" 2>&1; then
    echo "test.sh: Redis did not start:" >&2
    cat "$r/redis-start.log" "$r/redis.log" >&2 2>/dev/null || true
    return 1
  fi
  register_stop redis "redis-cli -p $FIRSTLINE_REDIS_PORT shutdown nosave || kill \$(cat '$r/redis.pid')"
  wait_for_port "$FIRSTLINE_REDIS_PORT" "Redis"
}

# ---------------------------------------------------------------------------------------------------------------
# PostgreSQL: a throwaway cluster on 127.0.0.1:5433 (not the system cluster on 5432): its own data folder under a
# temp folder, loopback only, trust authentication (the password in the connection string is not checked).
# Role firstline (password firstline, CREATEDB: each test fixture creates and drops its own database).
# Exports FIRSTLINE_TEST_POSTGRES=<Npgsql connection string to the database "firstline"> and FIRSTLINE_TEST_PG_DIR.
FIRSTLINE_PG_PORT=5433

postgres_bin_dir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [[ -n "$dir" && -x "$dir/initdb" ]] && echo "$dir"
}

start_postgresql() {
  export FIRSTLINE_TEST_POSTGRES="Host=127.0.0.1;Port=$FIRSTLINE_PG_PORT;Username=firstline;Password=firstline;Database=firstline"
  if port_answers "$FIRSTLINE_PG_PORT"; then
    echo "test.sh: something already listens on 127.0.0.1:$FIRSTLINE_PG_PORT; using it as PostgreSQL (not stopped at the end)"
    return 0
  fi
  local bin
  if ! bin="$(postgres_bin_dir)"; then
    step "installing PostgreSQL (apt)"
    apt_install postgresql
    bin="$(postgres_bin_dir)"
  fi
  FIRSTLINE_TEST_PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/firstline-postgres.XXXXXX")"
  export FIRSTLINE_TEST_PG_DIR
  local p=$FIRSTLINE_TEST_PG_DIR
  # initdb and postgres refuse to run as root; as root they run as the postgres user the package created.
  local run_as=()
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres:postgres "$p"
    run_as=(runuser -u postgres --)
  fi
  if ! "${run_as[@]}" "$bin/initdb" -D "$p/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$p/initdb.log" 2>&1; then
    echo "test.sh: initdb failed:" >&2
    cat "$p/initdb.log" >&2
    return 1
  fi
  if ! "${run_as[@]}" "$bin/pg_ctl" -D "$p/data" -l "$p/server.log" -w -t 30 \
    -o "-p $FIRSTLINE_PG_PORT -k $p -c listen_addresses=127.0.0.1 -c max_connections=300" start >"$p/pg_ctl.log" 2>&1; then
    echo "test.sh: PostgreSQL did not start:" >&2
    cat "$p/pg_ctl.log" "$p/server.log" >&2 2>/dev/null || true
    return 1
  fi
  register_stop postgresql "${run_as[*]} '$bin/pg_ctl' -D '$p/data' -m fast -w stop"
  "$bin/psql" -h 127.0.0.1 -p "$FIRSTLINE_PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE ROLE firstline LOGIN PASSWORD 'firstline' CREATEDB;" \
    -c "GRANT pg_signal_backend TO firstline;" \
    -c "CREATE DATABASE firstline OWNER firstline;" >"$p/setup.log" 2>&1 || {
    echo "test.sh: creating the firstline role and database failed:" >&2
    cat "$p/setup.log" >&2
    return 1
  }
}
