#!/usr/bin/env bash
# Installs what Kiosque needs, idempotently, from package registries only
# (crates.io, npm, Debian). `setup.sh` = build tools; `setup.sh --test` adds
# what the tests need; `setup.sh --bench` adds to that twiggy, the wasm size
# profiler (kept out of --test: no test uses it, and it compiles for minutes).
# Safe to run again: present tools are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
want_bench=0
for arg in "$@"; do
  case "$arg" in
    --test) want_test=1 ;;
    --bench) want_test=1; want_bench=1 ;;
    *) echo "usage: scripts/setup.sh [--test | --bench]" >&2; exit 2 ;;
  esac
done
say() { printf 'setup: %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# Rust: the wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# trunk 0.21.14: 0.22 needs rustc >= 1.96.1 (see README, "Setup").
TRUNK_VERSION=0.21.14
if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION$"; then
  say "installing trunk $TRUNK_VERSION (about 9 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli: exactly the version Cargo.lock resolved.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! grep -q "^wasm_bindgen = \"$WB_VERSION\"" Trunk.toml; then
  echo "setup: Trunk.toml [tools] wasm_bindgen must equal Cargo.lock's wasm-bindgen ($WB_VERSION)" >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION$"; then
  say "installing wasm-bindgen-cli $WB_VERSION (about 2 minutes)"
  # Not --locked: its lock names a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

# Node.js, for wasm-opt (npm binaryen@132), the static server and Playwright.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  say "installing Node.js from Debian"
  apt_install nodejs npm
fi
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -x node_modules/.bin/wasm-opt ] || [ "$(cat node_modules/.kiosque-lock 2>/dev/null)" != "$lock_sum" ]; then
  say "installing Node packages from package-lock.json (npm ci)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > node_modules/.kiosque-lock
fi

if [ "$want_test" = 1 ]; then
  # Debian's Chromium and its driver (Playwright's own download cannot work here).
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v brotli >/dev/null; then
    say "installing chromium, chromium-driver and brotli from Debian"
    apt_install chromium chromium-driver brotli
  fi
  # nginx and its brotli modules, for the nginx deploy recipe (tests/deploy/).
  if ! command -v nginx >/dev/null || [ ! -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then
    say "installing nginx and its brotli modules from Debian"
    apt_install nginx libnginx-mod-http-brotli-static libnginx-mod-http-brotli-filter
  fi
  # xmllint validates sitemaps and feeds against tests/schemas/.
  if ! command -v xmllint >/dev/null; then
    say "installing libxml2-utils (xmllint) from Debian"
    apt_install libxml2-utils
  fi
  if ! rustup component list --installed | grep -q '^clippy'; then rustup component add clippy; fi
  if ! rustup component list --installed | grep -q '^rustfmt'; then rustup component add rustfmt; fi
fi
if [ "$want_bench" = 1 ]; then
  # twiggy: where the wasm's bytes go (README, "Bundle size").
  TWIGGY_VERSION=0.8.0
  if ! twiggy --version 2>/dev/null | grep -q " $TWIGGY_VERSION$"; then
    say "installing twiggy $TWIGGY_VERSION (a few minutes)"
    cargo install twiggy --version "$TWIGGY_VERSION" --locked
  fi
fi
say "ok"
