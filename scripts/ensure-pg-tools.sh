#!/usr/bin/env bash
# The backup test needs PostgreSQL's client tools and a server of their version
# (Debian's tools are older than the embedded server, and pg_dump refuses to
# dump a newer server); the pooler test needs PgBouncer. As root with apt-get,
# install what is missing; else say nothing here and let the tests explain
# what to install.
set -uo pipefail
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt_install() { apt-get install -y -q "$@" >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q "$@" >/dev/null 2>&1; }; }
  command -v pg_dump >/dev/null || apt_install postgresql-client || true
  major=$(pg_dump --version 2>/dev/null | grep -oE '[0-9]+' | head -1 || true)
  if [ -n "$major" ] && [ ! -x "/usr/lib/postgresql/$major/bin/initdb" ]; then apt_install "postgresql-$major" || true; fi
  [ -x /usr/sbin/pgbouncer ] || [ -x /usr/bin/pgbouncer ] || apt_install pgbouncer || true
fi
exit 0
