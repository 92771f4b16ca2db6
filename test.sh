#!/usr/bin/env bash
# Installs what the tests need (if missing), builds, and runs every test. Idempotent; exits non-zero on any failure.
#   ./test.sh                                  everything
#   ./test.sh --filter "FullyQualifiedName~WebChat"   only some tests (arguments go to `dotnet test`)
# Under CI=true a test whose server or browser is missing fails; it never skips.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT="$PWD"
CLIENTS="$ROOT/Tests/clients"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
LOG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/firstline-test-sh.XXXXXX")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export CHROMIUM_PATH="$CHROMIUM"

START=$SECONDS
STEP_START=$SECONDS
step() {
  echo "test.sh: $* (at $((SECONDS - START)) s)"
  STEP_START=$SECONDS
}

# Runs a noisy command with its output in a log file; shows the tail only when it fails.
quietly() {
  local name=$1
  shift
  if ! "$@" >"$LOG_DIR/$name.log" 2>&1; then
    echo "test.sh: '$*' failed; last lines of $LOG_DIR/$name.log:" >&2
    tail -n 40 "$LOG_DIR/$name.log" >&2
    return 1
  fi
}

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

APT_UPDATED=0
apt_install() {
  if [[ $APT_UPDATED -eq 0 ]]; then
    quietly apt-update as_root apt-get update -qq
    APT_UPDATED=1
  fi
  quietly "apt-install-$1" as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

# shellcheck source=Tests/scripts/test-servers.sh
source "$ROOT/Tests/scripts/test-servers.sh"
cleanup() {
  stop_test_servers
}
trap cleanup EXIT

ensure_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    step "installing node and npm (apt)"
    apt_install nodejs npm
  fi
}

ensure_chromium() {
  if [[ ! -x "$CHROMIUM" ]]; then
    step "installing Chromium (apt, about a minute)"
    # Debian's chromium (with its recommended fonts, as verified); Playwright's own browser download would need the internet.
    apt_install chromium
  fi
}

# npm ci only when node_modules is missing or package-lock.json changed since the last install.
ensure_client_packages() {
  local stamp="$CLIENTS/node_modules/.firstline-lock.sha256"
  local lock_hash
  lock_hash="$(sha256sum "$CLIENTS/package-lock.json" | cut -d' ' -f1)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$lock_hash" ]]; then
    return
  fi
  step "installing the real-client npm packages (npm ci in Tests/clients)"
  (cd "$CLIENTS" && quietly npm-ci npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_hash" >"$stamp"
}

build() {
  step "building Bot.sln (Release)"
  if ! dotnet build "$ROOT/Bot.sln" -c Release -nologo -v quiet -clp:NoSummary >"$LOG_DIR/build.log" 2>&1; then
    echo "test.sh: build failed:" >&2
    grep -E 'error|warning' "$LOG_DIR/build.log" | sort -u | head -n 60 >&2 || tail -n 60 "$LOG_DIR/build.log" >&2
    return 1
  fi
}

run_tests() {
  step "running the tests"
  local status=0
  # minimal: one line per failed test (with its output) and a summary per test project.
  dotnet test "$ROOT/Bot.sln" -c Release --no-build -nologo \
    --logger "console;verbosity=minimal" \
    --blame-hang-timeout 10m \
    "$@" 2>&1 | tee "$LOG_DIR/test.log" || status=$?
  summarize "$LOG_DIR/test.log"
  return "$status"
}

# One closing line over all test projects, e.g. "Tests: 57 passed, 0 failed, 0 skipped".
summarize() {
  awk '
    function count(name,   text) {
      if (!match($0, name ": *[0-9]+")) return 0
      text = substr($0, RSTART, RLENGTH)
      gsub(/[^0-9]/, "", text)
      return text + 0
    }
    /(Passed|Failed)! +- +Failed: / {
      failed += count("Failed"); passed += count("Passed"); skipped += count("Skipped"); found = 1
    }
    END { if (found) printf "Tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }
  ' "$1"
}

ensure_node
ensure_chromium
ensure_client_packages
start_test_servers
build
if run_tests "$@"; then
  echo "test.sh: all tests passed in $((SECONDS - START)) s"
else
  echo "test.sh: TESTS FAILED after $((SECONDS - START)) s (logs in $LOG_DIR)" >&2
  exit 1
fi
