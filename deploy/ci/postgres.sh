#!/usr/bin/env bash
# PostgreSQL 15 from Debian for the test suite: install, start, create the test role.
# Usage: postgres.sh start | stop. Prints the connection string the tests read (IMAGEVAULT_TEST_POSTGRES).
# Databases per test are created and dropped by the tests themselves.
set -euo pipefail
action=${1:-start}
role=imagevault_test
password=imagevault_test

case "$action" in
  start)
    if ! command -v pg_ctlcluster >/dev/null || [ ! -d /etc/postgresql/15/main ]; then
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    fi
    pg_ctlcluster 15 main status >/dev/null 2>&1 || pg_ctlcluster 15 main start
    for _ in $(seq 1 30); do su postgres -c "pg_isready -q -h 127.0.0.1 -p 5432" && break; sleep 1; done
    su postgres -c "pg_isready -h 127.0.0.1 -p 5432" >/dev/null || { echo "PostgreSQL did not become ready" >&2; exit 1; }
    su postgres -c "psql -v ON_ERROR_STOP=1 -q" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE $role LOGIN CREATEDB PASSWORD '$password';
  END IF;
END \$\$;
SQL
    echo "Host=127.0.0.1;Port=5432;Username=$role;Password=$password;Database=postgres"
    ;;
  stop)
    pg_ctlcluster 15 main stop || true
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
