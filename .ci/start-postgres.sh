#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on 127.0.0.1 and a free port, in a temp directory, as user postgres.
# Prints the connection string for the tests (PORTAL_TEST_POSTGRES). Needs Debian's postgresql package.
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
dir=$(mktemp -d /tmp/portal-pg.XXXXXX)
chown postgres:postgres "$dir"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
echo "$password" > "$dir/pwfile" && chown postgres "$dir/pwfile"
su postgres -s /bin/sh -c "$bin/initdb -D '$dir/data' -U postgres --pwfile='$dir/pwfile' -A scram-sha-256 -E UTF8 --locale=C.UTF-8" >/dev/null
su postgres -s /bin/sh -c "$bin/pg_ctl -D '$dir/data' -o \"-h 127.0.0.1 -p $port -k '$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200\" -l '$dir/log' -w start" >/dev/null
rm -f "$dir/pwfile"
echo "$dir" > /tmp/portal-pg.last
echo "Host=127.0.0.1;Port=$port;Username=postgres;Password=$password"
