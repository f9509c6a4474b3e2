#!/usr/bin/env bash
# The release bundle (dist/) pointed at the test WordPress and prerendered
# from it, in target/dist-wp: what a publisher on WordPress deploys. Used by
# the WordPress journeys (tests/e2e/wordpress.spec.mjs, prerender.spec.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
wp="${KIOSQUE_WP_URL:-http://127.0.0.1:8081/wp-json}"
out=target/dist-wp
rm -rf "$out"
cp -r dist "$out"
# Same site keys and custom post types (the test WordPress has the demo's
# "videos", mu-plugins/kiosque-cpt.php), the WordPress source (the loader then
# imports dist/'s WordPress bundle flavor, which release builds carry), and
# readers' comments on, as the test WordPress allows them (its mu-plugin
# opens rest_allow_anonymous_comments; tests/e2e/comment-post.spec.mjs posts).
node -e '
  const fs = require("fs");
  const [file, wp] = process.argv.slice(1);
  const { site, post_types } = JSON.parse(fs.readFileSync(file, "utf8"));
  fs.writeFileSync(file, JSON.stringify({ version: 1, api: { kind: "wordpress", base_url: wp, anonymous_comments: true }, site, post_types }, null, 2) + "\n");
' "$out/config.json" "$wp"
# Absolute URLs name the server tests/e2e/wordpress.spec.mjs starts.
cargo run --quiet -p kiosque-cli -- prerender --dist "$out" --site-url "http://127.0.0.1:$(( ${E2E_PORT:-4173} + 7 ))"
