#!/usr/bin/env bash
# Re-records crates/core/tests/fixtures/wordpress/ from the running test WordPress
# (scripts/wordpress/up.sh). The adapter tests themselves drive the recording:
# with KIOSQUE_WP_RECORD=1 each request the adapter makes is fetched live with
# curl and written as <name>.json (pretty) or <name>.html, plus
# <name>.headers.json (URL, status, content type, X-WP-Total, X-WP-TotalPages).
# So the fixtures are exactly what the adapter asks for; stale ones are removed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
state="${KIOSQUE_WP_STATE:-/var/lib/kiosque-wp}"
fixtures="$repo/crates/core/tests/fixtures/wordpress"
curl -fsS -o /dev/null "http://127.0.0.1:8081/wp-json/" || {
  echo "record: the test WordPress is not up: run scripts/wordpress/up.sh" >&2
  exit 1
}
# The fixtures describe the demo newsroom alone: the other corpora (hostile, SEO…; up.sh
# seeds it for the e2e tests) is unpublished while recording, then restored.
php "$here/hostile-status.php" hide
trap 'php "$here/hostile-status.php" show' EXIT
mkdir -p "$fixtures"
rm -f "$fixtures"/*.json "$fixtures"/*.html
export KIOSQUE_WP_RECORD=1
KIOSQUE_WP_READER="$(cat "$state/reader-auth" 2>/dev/null || true)"
export KIOSQUE_WP_READER
cd "$repo"

# Answers other tests read first (the canned errors, the first search page),
# so the parallel run below never races to read one before it is written.
cargo test --quiet -p kiosque-core --test it -- --exact wordpress_adapter::record_error_answers
cargo test --quiet -p kiosque-core --test it -- --exact wordpress_adapter::search_uses_wordpress_search_and_its_total
cargo test --quiet -p kiosque-core --test it wordpress_adapter::
cargo test --quiet -p kiosque-core --test it home_archive::
# The post-level cases (seed-wp-posts.php) into their own directory, with
# the seeded corpora published again.
php "$here/hostile-status.php" show
rm -f "$fixtures"/wp-posts/*.json
cargo test --quiet -p kiosque-core --features wordpress-source --test it wordpress_posts::
cargo test --quiet -p kiosque-core --test it wordpress_comments:: # into comments/
rm -f "$fixtures"/structure/*.json
cargo test --quiet -p kiosque-core --test it wordpress_structure:: # seed-structure.php, into structure/
count=$(ls "$fixtures"/*.headers.json | wc -l)
size=$(du -sh "$fixtures" | cut -f1)
echo "record: $count answers recorded in crates/core/tests/fixtures/wordpress ($size)"
