#!/usr/bin/env bash
# Records WordPress's answers to comment POSTs into
# crates/core/tests/fixtures/wordpress/compost/ (read by
# crates/core/tests/it/wordpress_comment_post.rs): <case>.json (the body, as
# WordPress sent it) and <case>.headers.json (URL, status, content type).
# Needs the test WordPress seeded by seed-comments.php; the comments it posts
# are deleted afterwards (comment-post-cleanup.php), so reruns start alike.
# Takes ~20 s: WordPress refuses a second comment from one address within
# 15 s (comment_flood), which is one of the cases.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
origin="${KIOSQUE_WP_ORIGIN:-http://127.0.0.1:8081}"
root="$origin/wp-json"
out="$repo/crates/core/tests/fixtures/wordpress/compost"
mkdir -p "$out"
rm -f "$out"/*.json
php "$here/comment-post-cleanup.php" "$origin" >/dev/null
trap 'php "$here/comment-post-cleanup.php" "$origin" >/dev/null' EXIT

id_of() { curl -fsS "$root/wp/v2/posts?slug=$1&_fields=id" | sed -E 's/^\[\{"id":([0-9]+)\}\]$/\1/'; }
here_id="$(id_of commenter-ici-seed)"
loyal_id="$(id_of lectrice-fidele-seed)"
closed_id="$(id_of commentaires-fermes-seed)"

# post <case> <json body>
post() {
  local url="$root/wp/v2/comments"
  local meta
  meta="$(curl -sS -o "$out/$1.json" -w '%{http_code} %{content_type}' \
    -H 'Content-Type: application/json' -H 'Accept: application/json' --data-binary "$2" "$url")"
  printf '{\n  "url": "%s",\n  "status": %s,\n  "content_type": "%s"\n}\n' \
    "$url" "${meta%% *}" "${meta#* }" > "$out/$1.headers.json"
  echo "record-comment-post: $1 → ${meta%% *}" >&2
}

body() { # post parent name email content
  printf '{"post":%s,"parent":%s,"author_name":"%s","author_email":"%s","content":"%s"}' "$@"
}

post held "$(body "$here_id" 0 'Nouvelle lectrice' 'nouvelle@example.org' 'Premier avis, à modérer.')"
post duplicate "$(body "$here_id" 0 'Nouvelle lectrice' 'nouvelle@example.org' 'Premier avis, à modérer.')"
post flood "$(body "$here_id" 0 'Nouvelle lectrice' 'nouvelle@example.org' 'Un second avis, trop tôt.')"
post closed "$(body "$closed_id" 0 'Lecteur' 'lecteur@example.org' 'Trop tard.')"
post author-missing "$(body "$here_id" 0 '' '' 'Sans nom.')"
post content-empty "$(body "$here_id" 0 'Lecteur' 'lecteur@example.org' '')"
post email-invalid "$(body "$here_id" 0 'Lecteur' 'pas-une-adresse' 'Adresse fausse.')"
post post-missing "$(body 999999 0 'Lecteur' 'lecteur@example.org' 'Nulle part.')"
# Past the flood window: a known author's reply is approved at once.
sleep 16
loyal_comment="$(curl -fsS "$root/wp/v2/comments?post=$loyal_id&_fields=id" | sed -E 's/^\[\{"id":([0-9]+)\}.*$/\1/')"
post approved "$(body "$loyal_id" "$loyal_comment" 'Lectrice fidèle' 'fidele@example.org' 'Merci pour cette <em>réponse</em> !')"
