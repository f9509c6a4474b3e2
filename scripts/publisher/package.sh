#!/usr/bin/env bash
# `make publisher`: the publisher's command, kiosque-publish, built in release
# and packaged as a release artefact, so a server that re-publishes (edit
# config.json, new content, `kiosque-publish prerender`) needs no Rust
# toolchain:
#   target/artefacts/kiosque-publish-<version>-<target>.tar.gz
#   target/artefacts/kiosque-publish-<version>-<target>.tar.gz.sha256
# The archive holds the binary, README.txt (usage) and SHA256SUMS. The binary
# reads everything from the dist/ it is given; it only accepts a dist/ built
# from the same commit (its build id is in README.txt).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$HOME/.cargo/bin:$PATH"

version=$(sed -n '/^\[workspace.package\]/,/^\[/ s/^version = "\(.*\)"/\1/p' Cargo.toml)
target=$(rustc -vV | sed -n 's/^host: //p')
[ -n "$version" ] && [ -n "$target" ] || { echo "publisher: cannot read the version or the target" >&2; exit 1; }
# PUBLISHER_PROFILE=dev packages the debug binary the other test layers
# already built (the clean-directory test in `make test`), sparing CI a
# release build of the whole renderer; a release artefact is the default.
case "${PUBLISHER_PROFILE:-release}" in
  release) cargo build --quiet --release --locked -p kiosque-cli; bin=target/release/kiosque-publish ;;
  dev) cargo build --quiet --locked -p kiosque-cli; bin=target/debug/kiosque-publish ;;
  *) echo "publisher: PUBLISHER_PROFILE is release or dev" >&2; exit 2 ;;
esac
build=${KIOSQUE_BUILD_ID:-$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)}

name="kiosque-publish-$version-$target"
out=target/artefacts
stage="$out/$name"
rm -rf "$stage"
mkdir -p "$stage"
cp "$bin" "$stage/kiosque-publish"
strip "$stage/kiosque-publish" 2>/dev/null || true
cat > "$stage/README.txt" <<TXT
kiosque-publish $version ($target), build $build

The command a Kiosque publisher runs on the server after deploying dist/:
it prerenders every page, writes the sitemaps, feeds, robots.txt, the
Content-Security-Policy and the redirects of old WordPress URLs into dist/,
from dist/config.json and the content API it names. No Rust toolchain, no
repository: only this file and the dist/ it is given.

  ./kiosque-publish prerender [--dist dist] [--site-url https://news.example.com] [--jobs N]

Run it again whenever content or config.json changes (cron, a publish
webhook); it rewrites only what changed. It refuses a dist/ built from
another commit than build $build: take the artefact built with your dist/.

Documentation: README.md ("Deploy") and docs/deploy.md in the Kiosque
repository.
TXT
(cd "$stage" && sha256sum kiosque-publish README.txt > SHA256SUMS)
tar -C "$out" -czf "$out/$name.tar.gz" "$name"
(cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
rm -rf "$stage"
echo "publisher: $out/$name.tar.gz ($(du -h "$out/$name.tar.gz" | cut -f1)), build $build"
