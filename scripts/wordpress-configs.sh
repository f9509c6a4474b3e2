#!/usr/bin/env bash
# WordPress as it is installed in the wild (issue #19, item 6), beside the
# shared test WordPress on 8081 and without touching it:
#
#   plain   http://127.0.0.2:4294        plain permalinks (`?p=123`): the REST
#           API answers at `/?rest_route=/`, `/wp-json/` is a 404
#   subdir  http://127.0.0.3:4295/blog   installed in a subdirectory, pretty
#           permalinks: REST root `/blog/wp-json`, links `/blog/<slug>/`
#   multi   http://127.0.0.4:4298/actu   subsite `/actu/` of a subdirectory
#           multisite network (network and subsite made by network.php):
#           REST root `/actu/wp-json`, uploads under `/wp-content/uploads/sites/2/`
#
# Each is seeded with the demo newsroom (seed.php) and the post-level cases
# (seed-wp-posts.php), the subdirectory site also with more than 100
# categories (seed-wpconf.php), then `tests/it/prerender_wp_configs.rs` (kiosque-cli)
# prerenders each with `kiosque-publish prerender` and checks that every
# published post has its page and that every site link in the pages resolves.
#
#   scripts/wordpress-configs.sh            up (if needed), seed (if changed), test
#   scripts/wordpress-configs.sh --up       up and seed only (prints the REST roots)
#   scripts/wordpress-configs.sh --down     stop this script's nginx and php-fpm
#
# Debian's wp-config.php picks /etc/wordpress/config-<Host>.php by host name
# (without the port), so a separate loopback address gives a separate site:
# own database, own wp-content (uploads; themes, plugins and mu-plugins are
# the shared site's, linked), own state dir ($KIOSQUE_WPCONF_STATE). The
# shared site's MariaDB is reused (started by scripts/wordpress/up.sh).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
wpdir="$here/wordpress"
state="${KIOSQUE_WPCONF_STATE:-/var/lib/kiosque-wp-configs}"
wp=/usr/share/wordpress
shared_content=/var/lib/wordpress/wp-content
say() { printf 'wordpress-configs: %s\n' "$*" >&2; }
mode="${1:-}"
alive() { [ -f "$1" ] && kill -0 "$(cat "$1" 2>/dev/null)" 2>/dev/null; }

# name host port path permalinks
sites=(
  "plain 127.0.0.2 4294 '' plain"
  "subdir 127.0.0.3 4295 /blog pretty"
  "multi 127.0.0.4 4298 /actu multisite"
)
started=$(date +%s)

if [ "$mode" = --down ]; then
  for f in nginx php-fpm; do
    if alive "$state/$f.pid"; then
      say "stopping $f"
      kill -TERM "$(cat "$state/$f.pid")"
    fi
    rm -f "$state/$f.pid"
  done
  exit 0
fi

# The shared site's script brings the packages and MariaDB when they are
# missing (when they are there, it is not run: its seeds are its own).
if ! dpkg -s wordpress nginx php-fpm mariadb-server >/dev/null 2>&1 || ! mysqladmin ping --silent >/dev/null 2>&1; then
  "$wpdir/up.sh" >/dev/null
fi
mkdir -p "$state"

# 1. Per site: database, wp-config, wp-content.
for s in "${sites[@]}"; do
  eval "set -- $s"
  name=$1 host=$2 port=$3 path=$4 permalinks=$5
  home="http://$host:$port$path"
  db="kiosque_wp_$name"
  mysql -uroot <<SQL
CREATE DATABASE IF NOT EXISTS $db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'kiosque_wp'@'localhost' IDENTIFIED BY 'kiosque';
GRANT ALL PRIVILEGES ON $db.* TO 'kiosque_wp'@'localhost';
SQL
  content="$state/$name/wp-content"
  mkdir -p "$content/uploads"
  for d in themes plugins mu-plugins languages; do
    [ -e "$content/$d" ] || ln -s "$shared_content/$d" "$content/$d"
  done
  chown -R www-data:www-data "$content/uploads"
  conf="/etc/wordpress/config-$host.php"
  if ! grep -qs "kiosque-wpconf v1 $home" "$conf"; then
    say "writing $conf"
    salt() { head -c 48 /dev/urandom | base64 | tr -d '\n/+='; }
    {
      echo "<?php // kiosque-wpconf v1 $home: written by scripts/wordpress-configs.sh"
      echo "define('DB_NAME', '$db');"
      echo "define('DB_USER', 'kiosque_wp');"
      echo "define('DB_PASSWORD', 'kiosque');"
      echo "define('DB_HOST', 'localhost');"
      echo "define('DB_CHARSET', 'utf8mb4');"
      if [ "$permalinks" = multisite ]; then
        # Network-wide: no WP_HOME (each site has its own); MULTISITE once
        # network.php has made the network (its marker file).
        echo "define('WP_CONTENT_DIR', '$content');"
        echo "define('WP_CONTENT_URL', 'http://$host:$port/wp-content');"
        echo "define('WP_ALLOW_MULTISITE', true);"
        echo "if (is_file('$state/$name/network.done')) {"
        echo "  define('MULTISITE', true);"
        echo "  define('SUBDOMAIN_INSTALL', false);"
        echo "  define('DOMAIN_CURRENT_SITE', '$host:$port');"
        echo "  define('PATH_CURRENT_SITE', '/');"
        echo "  define('SITE_ID_CURRENT_SITE', 1);"
        echo "  define('BLOG_ID_CURRENT_SITE', 1);"
        echo "}"
      else
        echo "define('WP_HOME', '$home');"
        echo "define('WP_SITEURL', '$home');"
        echo "define('WP_CONTENT_DIR', '$content');"
        echo "define('WP_CONTENT_URL', '$home/wp-content');"
      fi
      echo "define('WP_ENVIRONMENT_TYPE', 'local');"
      echo "define('DISABLE_WP_CRON', true);"
      echo "define('AUTOMATIC_UPDATER_DISABLED', true);"
      echo "define('WP_HTTP_BLOCK_EXTERNAL', true);"
      echo "define('WP_POST_REVISIONS', false);"
      for k in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT LOGGED_IN_SALT NONCE_SALT; do
        echo "define('$k', '$(salt)');"
      done
      echo "\$table_prefix = 'wp_';"
    } > "$conf"
    chmod 640 "$conf"
    chgrp www-data "$conf"
  fi
done

# 2. One php-fpm and one nginx for all sites. The subdirectory site is a
#    document root whose `blog` is WordPress itself (a link), so PHP sees
#    /blog/index.php as WordPress does on such hosts.
mkdir -p "$state/subdir/www"
[ -e "$state/subdir/www/blog" ] || ln -s "$wp" "$state/subdir/www/blog"
php_fpm="$(ls /usr/sbin/php-fpm* 2>/dev/null | sort -V | tail -n1)"
if ! alive "$state/php-fpm.pid"; then
  say "starting $(basename "$php_fpm")"
  cat > "$state/php-fpm.conf" <<EOF
[global]
pid = $state/php-fpm.pid
error_log = $state/php-fpm.log
daemonize = yes
[kiosque-wpconf]
user = www-data
group = www-data
listen = $state/php-fpm.sock
listen.owner = www-data
listen.group = www-data
pm = static
pm.max_children = 4
EOF
  "$php_fpm" -y "$state/php-fpm.conf"
fi
php_block="include /etc/nginx/fastcgi_params;
      fastcgi_param HTTP_HOST \$http_host;
      fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;
      fastcgi_pass unix:$state/php-fpm.sock;"
cat > "$state/nginx.conf.new" <<EOF
user www-data;
worker_processes 1;
pid $state/nginx.pid;
error_log $state/nginx-error.log;
events { worker_connections 128; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log $state/nginx-access.log;
  # Plain permalinks: no rewriting at all, as on a host without mod_rewrite.
  server {
    listen 127.0.0.2:4294;
    root $wp;
    index index.php;
    location /wp-content/ { alias $state/plain/wp-content/; }
    location ~ \.php\$ { try_files \$uri =404; $php_block }
  }
  server {
    listen 127.0.0.3:4295;
    root $state/subdir/www;
    index index.php;
    location /blog/wp-content/ { alias $state/subdir/wp-content/; }
    location /blog/ { try_files \$uri \$uri/ /blog/index.php?\$args; }
    location ~ \.php\$ { try_files \$uri =404; $php_block }
  }
  # Subdirectory multisite: a subsite's /actu/wp-… and /actu/….php are the
  # network's own files; everything else is WordPress's front controller,
  # which reads the subsite from the request URI.
  server {
    listen 127.0.0.4:4298;
    root $wp;
    index index.php;
    location /wp-content/ { alias $state/multi/wp-content/; }
    if (!-e \$request_filename) {
      rewrite ^(/[^/]+)?(/wp-.*) \$2 last;
      rewrite ^(/[^/]+)?(/.*\.php)\$ \$2 last;
    }
    location / { try_files \$uri \$uri/ /index.php?\$args; }
    location ~ \.php\$ { try_files \$uri =404; $php_block }
  }
}
EOF
nginx -t -q -c "$state/nginx.conf.new"
if ! alive "$state/nginx.pid"; then
  mv "$state/nginx.conf.new" "$state/nginx.conf"
  say "starting nginx on 127.0.0.2:4294, 127.0.0.3:4295 and 127.0.0.4:4298"
  nginx -c "$state/nginx.conf"
elif ! cmp -s "$state/nginx.conf.new" "$state/nginx.conf"; then
  # Started by an older version of this script: serve the new sites too.
  mv "$state/nginx.conf.new" "$state/nginx.conf"
  say "reloading nginx"
  nginx -s reload -c "$state/nginx.conf"
else
  rm -f "$state/nginx.conf.new"
fi
for _ in $(seq 1 50); do curl -s -o /dev/null http://127.0.0.4:4298/wp-login.php && break; sleep 0.2; done

# 3. Install and seed, when not done with these inputs.
media="$repo/public/media"
ls "$media"/*-1200.jpg >/dev/null 2>&1 || media=/var/lib/kiosque-wp/content/media
hash="$(cat "$0" "$wpdir/install.php" "$wpdir/wp-boot.php" "$wpdir/network.php" "$wpdir/seed.php" "$wpdir/seed-lib.php" "$wpdir/seed-wp-posts.php" "$wpdir/seed-wpconf.php" \
  "$repo"/content/site.toml "$repo"/content/articles/*.md | sha256sum | cut -c1-16)"
roots=()
for s in "${sites[@]}"; do
  eval "set -- $s"
  name=$1 host=$2 port=$3 path=$4 permalinks=$5
  home="http://$host:$port$path"
  if [ "$(cat "$state/$name/seed.hash" 2>/dev/null)" != "$hash" ]; then
    say "installing and seeding $home ($permalinks permalinks)"
    if [ "$permalinks" = multisite ]; then
      network="http://$host:$port"
      php "$wpdir/install.php" "$network"
      KIOSQUE_WP_NETWORK_MARKER="$state/$name/network.done" php "$wpdir/network.php" network "$network"
      php "$wpdir/network.php" subsite "$home"
    fi
    php "$wpdir/install.php" "$home"
    if [ "$permalinks" = plain ]; then
      php -r '$origin = $argv[1]; require $argv[2];
        global $wp_rewrite; $wp_rewrite->set_permalink_structure(""); flush_rewrite_rules(false);' \
        "$home" "$wpdir/wp-boot.php"
    fi
    KIOSQUE_WP_STATE="$state/$name" KIOSQUE_MEDIA_DIR="$media" php "$wpdir/seed.php" "$home" "$repo/content"
    php "$wpdir/seed-wp-posts.php" "$home"
    # More than 100 categories: on one site only (each is a page to prerender).
    [ "$name" = subdir ] && php "$wpdir/seed-wpconf.php" "$home"
    chown -R www-data:www-data "$state/$name/wp-content/uploads"
    echo "$hash" > "$state/$name/seed.hash"
  fi
  if [ "$permalinks" = plain ]; then root="$home/?rest_route=/"; else root="$home/wp-json"; fi
  curl -fsS "$root" | grep -q '"namespaces"' || { say "$root does not answer"; exit 1; }
  roots+=("$root")
done
if [ "$mode" = --up ]; then
  printf '%s\n' "${roots[@]}"
  exit 0
fi

# 4. Prerender each (the plain site given as its `/wp-json` root, as a
#    publisher would type it: the source must find `?rest_route=` itself).
cd "$repo"
KIOSQUE_WP_CONFIGS="http://127.0.0.2:4294/wp-json ${roots[1]} ${roots[2]}" \
  cargo test --quiet -p kiosque-cli --test it -- --ignored --nocapture prerender_wp_configs::
say "done in $(($(date +%s) - started)) s"
