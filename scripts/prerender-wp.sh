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
# The CDN's .br/.gz beside every file, written here while nothing else runs:
# left to the first WordPress spec's server (helpers.mjs serveSpec), brotli on
# 1,000+ pages shared the two cores with the other e2e half and ran past the
# spec's 45 s hook timeout.
node --input-type=module -e '
  const { precompress } = await import(process.argv[1]);
  console.log(`precompressed: ${await precompress(process.argv[2])} files`);
' "$PWD/scripts/serve/precompress.mjs" "$out"
