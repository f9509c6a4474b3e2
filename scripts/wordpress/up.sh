#!/usr/bin/env bash
# A local test WordPress for Kiosque's WordPress adapter, seeded with the
# project's own demo newsroom (content/).
#
#   scripts/wordpress/up.sh            install (Debian packages), start, install WP, seed
#   scripts/wordpress/up.sh --reseed   same, and run the seeds even if their inputs are unchanged
#   scripts/wordpress/down.sh          stop what up.sh started
#   scripts/wordpress/record.sh        re-record tests/fixtures/wordpress/ from it
#
# Serves http://127.0.0.1:8081 (REST root http://127.0.0.1:8081/wp-json/), with
# pretty permalinks (/%postname%/) and gzip. Idempotent: when everything is
# already up and the seed inputs are unchanged, it only checks and prints the
# REST root. Runs as root (apt-get, www-data); no systemd needed: MariaDB is
# started with `service`, nginx and php-fpm run as private instances whose
# config, socket, pid and logs live in $KIOSQUE_WP_STATE (default
# /var/lib/kiosque-wp), so the machine's own nginx/php-fpm setup is untouched.
# Environment: KIOSQUE_WP_PORT (8081), KIOSQUE_WP_STATE.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
port="${KIOSQUE_WP_PORT:-8081}"
host="127.0.0.1"
origin="http://$host:$port"
state="${KIOSQUE_WP_STATE:-/var/lib/kiosque-wp}"
wp=/usr/share/wordpress
db=kiosque_wp
reseed=0
[ "${1:-}" = "--reseed" ] && reseed=1
say() { printf 'wordpress: %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. Debian packages (only when one is missing).
# The theme only makes the WordPress front end browsable (side-by-side checks).
pkgs=(wordpress wordpress-theme-twentytwentythree mariadb-server php-fpm php-mysql nginx php-gd curl)
if ! dpkg -s "${pkgs[@]}" >/dev/null 2>&1; then
  say "installing ${pkgs[*]} (Debian)"
  as_root apt-get update -qq
  # --no-install-recommends + php-fpm: keeps Apache out (wordpress accepts any httpd/php).
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${pkgs[@]}" php >/dev/null
fi
php_fpm="$(ls /usr/sbin/php-fpm* 2>/dev/null | sort -V | tail -n1)"
[ -x "$php_fpm" ] || { echo "wordpress: no php-fpm binary in /usr/sbin" >&2; exit 1; }
as_root mkdir -p "$state"

alive() { [ -f "$1" ] && kill -0 "$(cat "$1" 2>/dev/null)" 2>/dev/null; }

# 2. MariaDB (the system instance; remembered so down.sh only stops it if we started it).
if ! mysqladmin ping --silent >/dev/null 2>&1; then
  say "starting MariaDB"
  as_root service mariadb start >/dev/null
  touch "$state/mariadb.started-by-up"
  for _ in $(seq 1 50); do mysqladmin ping --silent >/dev/null 2>&1 && break; sleep 0.2; done
fi
as_root mysql -uroot <<SQL
CREATE DATABASE IF NOT EXISTS $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'kiosque_wp'@'localhost' IDENTIFIED BY 'kiosque';
GRANT ALL PRIVILEGES ON $db.* TO 'kiosque_wp'@'localhost';
SQL

# 3. wp-config for this host. Debian's wp-config.php loads
#    /etc/wordpress/config-<Host header without port>.php.
conf="/etc/wordpress/config-$host.php"
if [ ! -f "$conf" ] || ! grep -q "kiosque-wp v2 $origin" "$conf"; then
  say "writing $conf"
  salt() { head -c 48 /dev/urandom | base64 | tr -d '\n/+='; }
  {
    echo "<?php // kiosque-wp v2 $origin: written by scripts/wordpress/up.sh"
    echo "define('DB_NAME', '$db');"
    echo "define('DB_USER', 'kiosque_wp');"
    echo "define('DB_PASSWORD', 'kiosque');"
    echo "define('DB_HOST', 'localhost');"
    echo "define('DB_CHARSET', 'utf8mb4');"
    echo "define('WP_HOME', '$origin');"
    echo "define('WP_SITEURL', '$origin');"
    echo "define('WP_CONTENT_DIR', '/var/lib/wordpress/wp-content');"
    echo "define('WP_ENVIRONMENT_TYPE', 'local');"
    echo "define('DISABLE_WP_CRON', true);"
    echo "define('AUTOMATIC_UPDATER_DISABLED', true);"
    echo "define('WP_HTTP_BLOCK_EXTERNAL', true);"
    echo "define('WP_POST_REVISIONS', false);"
    for k in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT LOGGED_IN_SALT NONCE_SALT; do
      echo "define('$k', '$(salt)');"
    done
    echo "\$table_prefix = 'wp_';"
  } | as_root tee "$conf" >/dev/null
  as_root chmod 640 "$conf"
  as_root chgrp www-data "$conf"
fi
# "localhost:8081" finds the same site.
[ -e /etc/wordpress/config-localhost.php ] || as_root ln -s "$conf" /etc/wordpress/config-localhost.php

# 4. php-fpm and nginx: private instances.
if ! alive "$state/php-fpm.pid"; then
  say "starting $(basename "$php_fpm")"
  cat > "$state/php-fpm.conf" <<EOF
[global]
pid = $state/php-fpm.pid
error_log = $state/php-fpm.log
daemonize = yes
[kiosque-wp]
user = www-data
group = www-data
listen = $state/php-fpm.sock
listen.owner = www-data
listen.group = www-data
pm = static
pm.max_children = 4
php_admin_value[upload_max_filesize] = 16M
php_admin_value[post_max_size] = 16M
EOF
  "$php_fpm" -y "$state/php-fpm.conf"
fi
if ! alive "$state/nginx.pid"; then
  say "starting nginx on $origin"
  cat > "$state/nginx.conf" <<EOF
user www-data;
worker_processes 1;
pid $state/nginx.pid;
error_log $state/nginx-error.log;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log $state/nginx-access.log;
  sendfile on;
  client_max_body_size 16m;
  gzip on;
  gzip_vary on;
  gzip_proxied any;
  gzip_types application/json text/css application/javascript text/plain image/svg+xml;
  server {
    listen $host:$port;
    server_name $host localhost;
    root $wp;
    index index.php;
    location /wp-content/ { alias /var/lib/wordpress/wp-content/; expires 1h; }
    location / { try_files \$uri \$uri/ /index.php?\$args; }
    location ~ \.php\$ {
      try_files \$uri =404;
      include /etc/nginx/fastcgi_params;
      # Debian's fastcgi_params sends HTTP_HOST without the port: WordPress would redirect forever.
      fastcgi_param HTTP_HOST \$http_host;
      fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;
      fastcgi_pass unix:$state/php-fpm.sock;
    }
  }
}
EOF
  nginx -t -c "$state/nginx.conf" -q
  nginx -c "$state/nginx.conf"
fi
for _ in $(seq 1 50); do curl -s -o /dev/null "$origin/wp-login.php" && break; sleep 0.2; done

# 5. Install WordPress (no browser) and seed, unless already done with these inputs.
seed_hash="$(cat "$here/install.php" "$here/seed.php" "$here/seed-lib.php" "$repo"/content/site.toml \
  "$repo"/content/articles/*.md "$repo"/content/authors/*.md "$repo"/content/pages/*.md | sha256sum | cut -c1-16)"
installed=0
# Not installed, WordPress redirects to install.php: only a real index counts.
curl -fsS "$origin/wp-json/" 2>/dev/null | grep -q '"namespaces"' && installed=1
if [ "$installed" = 0 ] || [ "$reseed" = 1 ] || [ "$(cat "$state/seed.hash" 2>/dev/null)" != "$seed_hash" ]; then
  # Featured images come from public/media/ (`make content`); when they are not
  # there, the content command draws them into $state/content/media/.
  media="$repo/public/media"
  if ! ls "$media"/*-1200.jpg >/dev/null 2>&1; then
    media="$state/content/media"
    if ! ls "$media"/*-1200.jpg >/dev/null 2>&1; then
      say "public/media/ is empty: drawing the demo images into $state/content (content command)"
      (cd "$repo" && cargo run --quiet --release -p kiosque-content -- --out "$state/content" >&2)
    fi
  fi
  say "installing WordPress"
  php "$here/install.php" "$origin"
  say "seeding from content/ (images from $media)"
  KIOSQUE_WP_STATE="$state" KIOSQUE_MEDIA_DIR="$media" php "$here/seed.php" "$origin" "$repo/content"
  php "$here/seed-blocks-a.php" "$origin" # issue 19's text-level blocks, dated 2020 in their own category
  chown -R www-data:www-data /var/lib/wordpress/wp-content/uploads
  echo "$seed_hash" > "$state/seed.hash"
  rm -f "$state/hostile.hash"
fi
# 6. The hostile corpus (tests/hostile/vectors.json) for tests/e2e/hostile.spec.mjs,
#    kept out of the way of the demo content (see seed-hostile.php).
hostile_hash="$(cat "$here/seed-hostile.php" "$repo/tests/hostile/vectors.json" | sha256sum | cut -c1-16)"
if [ "$reseed" = 1 ] || [ "$(cat "$state/hostile.hash" 2>/dev/null)" != "$hostile_hash" ]; then
  say "seeding the hostile corpus"
  media="$repo/public/media"
  ls "$media"/*-1200.jpg >/dev/null 2>&1 || media="$state/content/media"
  KIOSQUE_MEDIA_DIR="$media" php "$here/seed-hostile.php" "$origin" "$repo/tests/hostile/vectors.json"
  chown -R www-data:www-data /var/lib/wordpress/wp-content/uploads
  echo "$hostile_hash" > "$state/hostile.hash"
fi
# 7. Must-use plugins of the test site (mu-plugins/: the SEO plugins' REST
#    output emulated), and the posts that exercise them.
mu=/var/lib/wordpress/wp-content/mu-plugins
as_root mkdir -p "$mu"
for f in "$here"/mu-plugins/*.php; do
  cmp -s "$f" "$mu/$(basename "$f")" || as_root install -m 0644 "$f" "$mu/"
done
php "$here/seed-image-sizes.php" "$origin" && chown -R www-data:www-data /var/lib/wordpress/wp-content/uploads # issue 17: the 480 px size (mu-plugins/kiosque-image-sizes.php) on older uploads
seo_hash="$(cat "$here/seed-seo.php" "$here/seed-seo-terms.php" | sha256sum | cut -c1-16)"
if [ "$reseed" = 1 ] || [ "$(cat "$state/seo.hash" 2>/dev/null)" != "$seo_hash" ]; then
  say "seeding the SEO-plugin posts"
  php "$here/seed-seo.php" "$origin"
  php "$here/seed-seo-terms.php" "$origin" # issue 20: SEO heads of terms, an author and a page
  echo "$seo_hash" > "$state/seo.hash"
fi
# 7. Post-level cases of issue #19 (seed-wp-posts.php), dated 2020.
[ "$reseed" = 0 ] && [ "$(cat "$state/wp-posts.hash" 2>/dev/null)" = "$(sha256sum < "$here/seed-wp-posts.php")" ] || { php "$here/seed-wp-posts.php" "$origin" && chown -R www-data:www-data /var/lib/wordpress/wp-content/uploads && sha256sum < "$here/seed-wp-posts.php" > "$state/wp-posts.hash"; }
php "$here/seed-settings.php" "$origin" && chown -R www-data:www-data /var/lib/wordpress/wp-content/uploads # issue #19's site settings: the Site Icon
# 7b. Site structure of issue #19 (seed-structure.php): nested categories and pages, Arabic slugs.
php "$here/seed-structure.php" "$origin"
php "$here/seed-cpt.php" "$origin" # issue 20 item 5: four items of the custom type "video" (mu-plugins/kiosque-cpt.php) and a post sharing their terms, dated 2020
# 7c. Layout blocks of issue #19 (seed-layout.php: galleries, columns, cover, alignments), dated 2020; rerun when it or the demo seed changes (it uses the demo's images).
layout_hash="$(cat "$here/seed-layout.php" "$state/seed.hash" | sha256sum | cut -c1-16)"; [ "$reseed" = 0 ] && [ "$(cat "$state/layout.hash" 2>/dev/null)" = "$layout_hash" ] || { php "$here/seed-layout.php" "$origin" && echo "$layout_hash" > "$state/layout.hash"; }
# 7d. Extreme images of issue #19 (seed-media.php: 10,000×10,000, 4000×200, 200×3000; WordPress writes their sizes), dated 2020.
[ "$reseed" = 0 ] && [ "$(cat "$state/media.hash" 2>/dev/null)" = "$(sha256sum < "$here/seed-media.php")" ] || { php "$here/seed-media.php" "$origin" && chown -R www-data:www-data /var/lib/wordpress/wp-content/uploads && sha256sum < "$here/seed-media.php" > "$state/media.hash"; }
# 8. Comments (threads, pages, hostile bodies) and anonymous REST comments (seed-comments.php).
php "$here/seed-comments.php" "$origin" "$repo/tests/hostile/vectors.json"
# 9. Menus in the header and footer locations, and the export's application
#    password (seed-menus.php; mu-plugins/kiosque-menu-locations.php).
KIOSQUE_WP_STATE="$state" php "$here/seed-menus.php" "$origin"
KIOSQUE_WP_STATE="$state" php "$here/seed-preview.php" "$origin" # 10. Editor previews: drafts, an autosave, the preview users' application passwords (mu-plugins/kiosque-preview-link.php)
curl -fsS "$origin/wp-json/wp/v2/posts?per_page=1&_fields=id" 2>/dev/null | grep -q '"id"' || {
  echo "wordpress: the REST API does not answer posts (logs in $state)" >&2
  exit 1
}
echo "$origin/wp-json"
