#!/usr/bin/env bash
# Starts the local PostgreSQL 15 cluster and a login role for the hub's tests; prints the URL.
set -euo pipefail
pg_ctlcluster 15 main start 2>/dev/null || pg_ctlcluster 15 main status >/dev/null
for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='dutydesk'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"CREATE ROLE dutydesk LOGIN SUPERUSER PASSWORD 'dutydesk'\""
echo "postgres://dutydesk:dutydesk@127.0.0.1:5432/postgres"
