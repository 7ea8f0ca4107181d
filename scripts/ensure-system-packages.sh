#!/usr/bin/env bash
# Installs the Debian packages the test suite needs when they are missing (chromium for the browser test,
# PostgreSQL 15 for store tests on both databases, Prometheus for the real-SLI provider test, jq for the test of
# the deploy-gate workflow the scaffolder writes) and starts
# PostgreSQL on loopback. Exports BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING when PostgreSQL is up.
# Sourced by scripts/test-all.sh; safe to run repeatedly.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -x /usr/lib/postgresql/15/bin/postgres ] || missing+=(postgresql)
command -v prometheus >/dev/null 2>&1 || missing+=(prometheus)
command -v jq >/dev/null 2>&1 || missing+=(jq)

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "system: installing ${missing[*]} from Debian" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
  else
    echo "system: missing ${missing[*]} and cannot install them (needs root and apt-get)." >&2
    echo "system: ./dev test will fail without them: chromium runs the browser test, postgresql the store and" >&2
    echo "system: two-replica tests, prometheus the real-Prometheus provider test, jq the deploy-gate workflow test." >&2
    echo "system: Install them with your package manager." >&2
    if [ -n "${CI:-}" ]; then
      exit 1
    fi
  fi
fi

# The Debian prometheus package starts a service on :9090 when an init system runs; tests start their own.
if [ -x /usr/lib/postgresql/15/bin/postgres ] && command -v pg_ctlcluster >/dev/null 2>&1; then
  if ! pg_lsclusters -h 2>/dev/null | grep -q '^15 *main'; then
    pg_createcluster 15 main >&2
  fi
  if ! pg_lsclusters -h | grep -q '^15 *main .* online'; then
    pg_ctlcluster 15 main start >&2
  fi
  su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
  port=$(pg_lsclusters -h | awk '$1==15 && $2=="main" {print $3}')
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://postgres:postgres@127.0.0.1:${port}"
  echo "system: PostgreSQL 15 on 127.0.0.1:${port}" >&2
fi
if command -v chromium >/dev/null 2>&1; then
  export CHROMIUM_PATH="$(command -v chromium)"
fi
