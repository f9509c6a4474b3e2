#!/bin/sh
# trunk post_build hook (Trunk.toml): runs in the project root with
# $TRUNK_STAGING_DIR holding the finished bundle, before it replaces dist/.
# - shell.html: the untouched SPA shell, the only fallback for client routes
#   (prerendered pages must never be served as the fallback);
# - 404.html: the same shell, which GitHub Pages serves for unknown paths;
# - _redirects, _headers: Netlify's routing and headers (deploy/netlify/);
# - .nojekyll: GitHub Pages serves the files as they are.
set -eu
out="${TRUNK_STAGING_DIR:?run by trunk}"
# Release builds carry the default Content-Security-Policy (deploy/csp.txt);
# `make prerender` rewrites it from config.json. Not in `trunk serve`, whose
# live-reload script is inline.
if [ "${TRUNK_PROFILE:-}" = release ]; then
  node scripts/deploy/csp.mjs --meta "$out/index.html"
fi
cp "$out/index.html" "$out/shell.html"
cp "$out/index.html" "$out/404.html"
cp deploy/netlify/_redirects deploy/netlify/_headers "$out/"
: > "$out/.nojekyll"
