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
# The fixtures describe the demo newsroom alone: the hostile corpus (up.sh
# seeds it for the e2e tests) is unpublished while recording, then restored.
php "$here/hostile-status.php" hide
trap 'php "$here/hostile-status.php" show' EXIT
mkdir -p "$fixtures"
rm -f "$fixtures"/*.json "$fixtures"/*.html
export KIOSQUE_WP_RECORD=1
KIOSQUE_WP_READER="$(cat "$state/reader-auth" 2>/dev/null || true)"
export KIOSQUE_WP_READER
cd "$repo"

# The canned error answers first: other tests read them.
cargo test --quiet -p kiosque-core --test wordpress_adapter -- --exact record_error_answers
cargo test --quiet -p kiosque-core --test wordpress_adapter
cargo test --quiet -p kiosque-core --test home_archive
cargo test --quiet -p kiosque-core --test wordpress_comments # into comments/
count=$(ls "$fixtures"/*.headers.json | wc -l)
size=$(du -sh "$fixtures" | cut -f1)
echo "record: $count answers recorded in crates/core/tests/fixtures/wordpress ($size)"
