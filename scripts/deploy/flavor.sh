#!/bin/sh
# Builds one more flavor of the wasm bundle beside trunk's, the way trunk
# builds its own, and names it on the loader's script tag:
#
#   sh scripts/deploy/flavor.sh wordpress    (run by post-build.sh, release only)
#   sh scripts/deploy/flavor.sh unlock hydrate,static-unlock    (its features)
#   sh scripts/deploy/flavor.sh --tag wordpress    (then: names it on the tag)
#
# The build writes the files and `.flavor-<kind>` (their name) in the bundle;
# `--tag` turns that record into the tag's attributes. post-build.sh builds two
# flavors at once (cargo takes them in turn: while the second compiles, the first
# runs wasm-opt on the other core) and then tags them in a fixed order.
#
# trunk builds the static-source flavor (index.html: features
# hydrate,source-static); this adds `kiosque-<kind>-<hash>.js/_bg.wasm`, built
# with `hydrate,source-<kind>` (or the features given second), and `data-js-<kind>`/`data-wasm-<kind>` on the
# tag, which public/start.js and public/sw.js read (README, "Bundle size").
# Mirrors trunk 0.21's steps (cargo build --release --offline,
# wasm-bindgen --target=web --no-typescript, wasm-opt -Oz, no minifying); the
# hash is of the files, 16 hex digits, as the caches' rules expect.
set -eu
out="${TRUNK_STAGING_DIR:?run by trunk (post-build.sh)}"
html="$out/index.html"

if [ "${1:-}" = --tag ]; then
  kind="${2:?usage: flavor.sh --tag KIND}"
  record="$out/.flavor-$kind"
  name=$(cat "$record") || { echo "flavor: the $kind bundle was not built" >&2; exit 1; }
  # Beside trunk's names, under the same base (the public URL).
  [ "$(grep -c ' data-wasm="' "$html")" -eq 1 ] || { echo "flavor: expected one loader tag (data-wasm) in $html" >&2; exit 1; }
  js=$(grep -oE ' data-js="[^"]*"' "$html" | sed -E 's/^ data-js="//; s/"$//')
  prefix="${js%"${js##*/}"}"
  sed -E "s#( data-wasm=\"[^\"]*\")#\\1 data-js-$kind=\"$prefix$name.js\" data-wasm-$kind=\"$prefix${name}_bg.wasm\"#" "$html" > "$html.tmp"
  mv "$html.tmp" "$html"
  rm "$record"
  echo "flavor: $name.js, ${name}_bg.wasm" >&2
  exit 0
fi
kind="${1:?usage: flavor.sh KIND [FEATURES]}"
features="${2:-hydrate,source-$kind}"

# The tools trunk is pinned to (Trunk.toml), never another on the PATH
# (Debian's binaryen produces a broken bundle).
want_bindgen=$(sed -nE 's/^wasm_bindgen = "([^"]+)"/\1/p' Trunk.toml)
want_opt=$(sed -nE 's/^wasm_opt = "version_([0-9]+)"/\1/p' Trunk.toml)
wasm-bindgen --version | grep -qx "wasm-bindgen $want_bindgen" \
  || { echo "flavor: wasm-bindgen $want_bindgen needed (make setup), found: $(wasm-bindgen --version)" >&2; exit 1; }
wasm-opt --version | grep -q "version $want_opt\b" \
  || { echo "flavor: wasm-opt version $want_opt needed (node_modules/.bin, make setup), found: $(wasm-opt --version)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "flavor: building the $kind bundle" >&2
# Every flavor's cargo writes the same target/…/kiosque.wasm: hold a lock (in
# that target directory, not the bundle) from the build until this flavor's
# copy is taken, so another cannot replace it.
target_dir="${CARGO_TARGET_DIR:-target}"
exec 9>"$target_dir/.flavor-lock"
flock 9
cargo build --target=wasm32-unknown-unknown --manifest-path Cargo.toml --release --offline --bin kiosque \
  --no-default-features --features "$features" --message-format=json-render-diagnostics > "$tmp/cargo.json"
wasm=$(node -e '
  const lines = require("fs").readFileSync(process.argv[1], "utf8").split("\n").filter(Boolean);
  const art = lines.map((l) => JSON.parse(l)).filter((m) => m.reason === "compiler-artifact" && m.target?.name === "kiosque");
  const file = art.flatMap((m) => m.filenames).find((f) => f.endsWith(".wasm"));
  if (!file) process.exit(1);
  console.log(file);
' "$tmp/cargo.json") || { echo "flavor: cargo built no kiosque .wasm" >&2; exit 1; }

cp "$wasm" "$tmp/cargo.wasm"
flock -u 9
# wasm-bindgen and wasm-opt give the same output for the same input, tools and
# flags, so the last output per flavor is kept in the target directory under
# that key: a build of unchanged code (the deploy test's sub-path bundle right
# after the release build, a rebuild for a CSS change) skips about 40 s of
# wasm-opt per flavor.
key=$({ sha256sum < "$tmp/cargo.wasm"; echo "wasm-bindgen $want_bindgen --target=web; wasm-opt $want_opt -Oz"; } | sha256sum | cut -c1-32)
cache="$target_dir/flavor-cache/$kind"
if [ "$(cat "$cache/key" 2>/dev/null)" = "$key" ]; then
  echo "flavor: the $kind bundle's wasm-bindgen and wasm-opt output is unchanged (cached)" >&2
  cp -R "$cache/bindgen" "$tmp/bindgen"
  cp "$cache/kiosque_bg.wasm" "$tmp/kiosque_bg.wasm"
else
  wasm-bindgen --target=web --out-dir="$tmp/bindgen" --out-name=kiosque --no-typescript "$tmp/cargo.wasm"
  wasm-opt --output="$tmp/kiosque_bg.wasm" -Oz "$tmp/bindgen/kiosque_bg.wasm"
  # Written beside, then swapped in whole: a stopped build leaves no half entry.
  rm -rf "$cache.new" && mkdir -p "$cache.new/bindgen"
  cp "$tmp/bindgen/kiosque.js" "$cache.new/bindgen/"
  [ ! -d "$tmp/bindgen/snippets" ] || cp -R "$tmp/bindgen/snippets" "$cache.new/bindgen/"
  cp "$tmp/kiosque_bg.wasm" "$cache.new/"
  printf '%s\n' "$key" > "$cache.new/key"
  rm -rf "$cache" && mv "$cache.new" "$cache"
fi
# The prerender refuses a dist/ whose wasm lacks this commit's marker.
grep -qa 'kiosque-build:' "$tmp/kiosque_bg.wasm" || { echo "flavor: no build marker in the $kind wasm" >&2; exit 1; }
[ ! -d "$tmp/bindgen/snippets" ] || cp -R "$tmp/bindgen/snippets" "$out/"

hash=$(cat "$tmp/bindgen/kiosque.js" "$tmp/kiosque_bg.wasm" | sha256sum | cut -c1-16)
name="kiosque-$kind-$hash"
cp "$tmp/bindgen/kiosque.js" "$out/$name.js"
cp "$tmp/kiosque_bg.wasm" "$out/${name}_bg.wasm"

printf '%s\n' "$name" > "$out/.flavor-$kind"
