#!/bin/sh
# trunk post_build hook (Trunk.toml): runs in the project root with
# $TRUNK_STAGING_DIR holding the finished bundle, before it replaces dist/.
# - shell.html: the untouched SPA shell, the only fallback for client routes
#   (prerendered pages must never be served as the fallback);
# - 404.html: the same shell, which GitHub Pages serves for unknown paths;
# - _redirects, _headers: Netlify's routing and headers (deploy/netlify/);
# - redirects.nginx.conf: the nginx recipe's (empty) old-URL maps, until
#   `make prerender` writes the real ones;
# - .nojekyll: GitHub Pages serves the files as they are;
# - offline.html: gets the shell's <base> and stylesheet;
# - sw.js: gets the files the shell loads, per bundle flavor, and a version
#   (docs/deploy.md, "Offline reading");
# - release builds: the WordPress and unlock flavors of the bundle
#   (flavor.sh), beside trunk's static one; `trunk serve` (debug) has only the static one.
set -eu
out="${TRUNK_STAGING_DIR:?run by trunk}"
# Release builds carry the default Content-Security-Policy (deploy/csp.txt);
# `make prerender` rewrites it from config.json. Not in `trunk serve`, whose
# live-reload script is inline.
if [ "${TRUNK_PROFILE:-}" = release ]; then
  node scripts/deploy/csp.mjs --meta "$out/index.html"
  # Both at once: cargo builds them in turn, and one's wasm-opt runs beside the
  # other's compilation. The unlock flavor: a static site whose config.json
  # sets api.unlock_url (protected posts).
  # A failed flavor stops the other with everything it started (its cargo and
  # rustc would otherwise run on after trunk has given up).
  # The parent first, so that it starts nothing more.
  kill_tree() {
    set -- "$1" $(pgrep -P "$1")
    kill "$1" 2>/dev/null || :
    shift
    for child; do kill_tree "$child"; done
  }
  sh scripts/deploy/flavor.sh wordpress & wordpress=$!
  sh scripts/deploy/flavor.sh unlock hydrate,static-unlock & unlock=$!
  wait "$wordpress" || { kill_tree "$unlock"; echo "post-build: the wordpress flavor failed" >&2; exit 1; }
  wait "$unlock" || { echo "post-build: the unlock flavor failed" >&2; exit 1; }
  sh scripts/deploy/flavor.sh --tag wordpress
  sh scripts/deploy/flavor.sh --tag unlock
fi
cp "$out/index.html" "$out/shell.html"
cp "$out/index.html" "$out/404.html"
cp deploy/netlify/_redirects deploy/netlify/_headers deploy/nginx/redirects.nginx.conf "$out/"
: > "$out/.nojekyll"

# offline.html: the placeholder line becomes the shell's <base> and stylesheet.
head=$(grep -E '<base |rel="stylesheet"' "$out/index.html")
[ "$(printf '%s\n' "$head" | wc -l)" -eq 2 ] || { echo "post-build: expected one <base> and one stylesheet in index.html" >&2; exit 1; }
awk -v head="$head" '/<!--KIOSQUE-HEAD-->/ { print head; next } { print }' "$out/offline.html" > "$out/offline.html.tmp"
mv "$out/offline.html.tmp" "$out/offline.html"

# sw.js: the files the shell loads (scripts, stylesheet, icon: every
# same-origin src/href of index.html but config.json, which is data), each
# bundle flavor's JS and wasm (the loader tag's data-js[-KIND]/data-wasm[-KIND]:
# the worker precaches only the one config.json names), and a version that
# changes whenever one of them, the shell or the offline page does.
base=$(grep -oE '<base href="[^"]*"' "$out/index.html" | sed -E 's/^<base href="//; s/"$//')
assets=$(grep -v '<base ' "$out/index.html" | grep -oE ' (src|href)="[^"]+"' | sed -E 's/^ (src|href)="//; s/"$//' \
  | grep -vE '^([a-z]+:|//|#)' | grep -E '\.(js|mjs|wasm|css|svg|png|ico|woff2?)$' | sort -u)
[ -n "$assets" ] || { echo "post-build: no assets found in $out/index.html" >&2; exit 1; }
# "KIND URL" lines; trunk's own data-js/data-wasm are the static flavor.
flavors=$(grep -oE ' data-(js|wasm)(-[a-z]+)?="[^"]+"' "$out/index.html" \
  | sed -E 's/^ data-(js|wasm)(-([a-z]+))?="([^"]+)"$/\3 \4/; s/^ /static /')
[ -n "$flavors" ] || { echo "post-build: no data-js/data-wasm on the loader tag of $out/index.html" >&2; exit 1; }
files=""
for a in $assets $(printf '%s\n' "$flavors" | cut -d' ' -f2); do
  f="$out/${a#"$base"}"
  [ -f "$f" ] || { echo "post-build: index.html loads $a, not in the bundle ($f)" >&2; exit 1; }
  files="$files $f"
done
# shellcheck disable=SC2086 # $files: paths without spaces, one per word
version=$(cat "$out/index.html" "$out/offline.html" $files | sha256sum | cut -c1-16)
quoted() { sed 's/.*/"&"/' | paste -sd, -; }
list=$(printf '%s\n' $assets | quoted)
per_kind=$(for k in $(printf '%s\n' "$flavors" | cut -d' ' -f1 | sort -u); do
  printf '%s: [%s]\n' "$k" "$(printf '%s\n' "$flavors" | awk -v k="$k" '$1 == k { print $2 }' | quoted)"
done | paste -sd, -)
line="const BUILD = { version: '$version', assets: [$list], flavors: { $per_kind } };"
grep -q '^const BUILD = ' "$out/sw.js" || { echo "post-build: no BUILD line in sw.js" >&2; exit 1; }
awk -v line="$line" '/^const BUILD = / { print line; next } { print }' "$out/sw.js" > "$out/sw.js.tmp"
mv "$out/sw.js.tmp" "$out/sw.js"
