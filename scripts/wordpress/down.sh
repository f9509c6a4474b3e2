#!/usr/bin/env bash
# Stops what scripts/wordpress/up.sh started: its private nginx and php-fpm
# (by their pid files), and MariaDB only if up.sh was the one that started it.
# The database, uploads and config stay, so the next up.sh is fast.
# `down.sh --purge` also drops the database, the uploads and the state dir.
set -uo pipefail
state="${KIOSQUE_WP_STATE:-/var/lib/kiosque-wp}"
say() { printf 'wordpress: %s\n' "$*" >&2; }
stop() { # NAME PIDFILE
  local pid
  pid="$(cat "$2" 2>/dev/null)" || return 0
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    say "stopping $1 ($pid)"
    kill -TERM "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$2"
}
stop nginx "$state/nginx.pid"
stop php-fpm "$state/php-fpm.pid"
if [ "${1:-}" = "--purge" ]; then
  if mysqladmin ping --silent >/dev/null 2>&1; then
    mysql -uroot -e "DROP DATABASE IF EXISTS kiosque_wp; DROP USER IF EXISTS 'kiosque_wp'@'localhost';"
  fi
  rm -rf /var/lib/wordpress/wp-content/uploads/* "$state/seed.hash" "$state/reader-auth"
  say "purged the database and uploads"
fi
if [ -f "$state/mariadb.started-by-up" ]; then
  say "stopping MariaDB"
  service mariadb stop >/dev/null 2>&1 || true
  rm -f "$state/mariadb.started-by-up"
fi
exit 0
