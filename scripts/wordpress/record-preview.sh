#!/usr/bin/env bash
# Records WordPress's answers to editor previews (docs/previews.md) into
# crates/core/tests/fixtures/wordpress/preview/, read by
# crates/core/tests/it/wordpress_preview.rs. Needs the test WordPress seeded by
# seed-preview.php (its users' application passwords in $KIOSQUE_WP_STATE).
# Each file is `<HTTP status>-<name>.json`; the application passwords are
# never written (only the answers are).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../crates/core/tests/fixtures/wordpress/preview"
state="${KIOSQUE_WP_STATE:-/var/lib/kiosque-wp}"
origin="${1:-http://127.0.0.1:8081}"
api="$origin/wp-json/wp/v2"
mkdir -p "$out"
rm -f "$out"/*.json
editor="$(cat "$state/preview-user"):$(cat "$state/preview-password")"
subscriber="$(cat "$state/preview-subscriber-user"):$(cat "$state/preview-subscriber-password")"
id() { php -r '$origin = $argv[3]; require $argv[1]."/wp-boot.php"; require $argv[1]."/seed-lib.php"; echo kq_seeded_id($argv[2], "post");' "$here" "preview:$1" "$origin"; }
draft="$(id apercu-brouillon-seed)" pending="$(id apercu-en-attente-seed)" published="$(id apercu-publie-seed)"
record() { # name, user:password (or -), URL
  local auth=() tmp
  [ "$2" = - ] || auth=(-u "$2")
  tmp="$(mktemp)"
  status="$(curl -sS "${auth[@]}" -o "$tmp" -w '%{http_code}' "$3")"
  php -r 'echo json_encode(json_decode(file_get_contents($argv[1])), JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";' "$tmp" > "$out/$status-$1.json"
  rm -f "$tmp"
  echo "$status $1"
}
record draft "$editor" "$api/posts/$draft?context=edit&_embed=1"
record pending "$editor" "$api/posts/$pending?context=edit&_embed=1"
record published "$editor" "$api/posts/$published?context=edit&_embed=1"
record autosaves "$editor" "$api/posts/$published/autosaves?context=edit"
record wrong-password "${editor%%:*}:abcd efgh ijkl mnop qrst uvwx" "$api/posts/$draft?context=edit&_embed=1"
record unknown-user "personne:abcd efgh ijkl mnop qrst uvwx" "$api/posts/$draft?context=edit&_embed=1"
record no-login - "$api/posts/$draft?context=edit&_embed=1"
record subscriber "$subscriber" "$api/posts/$draft?context=edit&_embed=1"
record missing "$editor" "$api/posts/999999?context=edit&_embed=1"
