#!/usr/bin/env bash
# The `publisher-clean` layer of `make test`: the release artefact of
# `make publisher`, unpacked into a fresh directory with a copy of the
# release dist/ and nothing else (no target/, no repository, no cargo on the
# PATH), prerenders the site: pages, sitemaps and the old-URL redirect files
# are written, and a second run changes nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
fail() { echo "publisher-clean: $*" >&2; exit 1; }

target=$(rustc -vV 2>/dev/null | sed -n 's/^host: //p')
art=$(ls -t target/artefacts/kiosque-publish-*-"${target:-*}".tar.gz 2>/dev/null | head -1 || true)
[ -n "$art" ] && [ -f "$art" ] || fail "no artefact in target/artefacts: run make publisher"
[ -f dist/shell.html ] || fail "no release dist/: run trunk build --release"
(cd "$(dirname "$art")" && sha256sum --quiet -c "$(basename "$art").sha256") || fail "$art: checksum mismatch"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tar -C "$tmp" -xzf "$art"
bin=$(ls "$tmp"/kiosque-publish-*/kiosque-publish 2>/dev/null | head -1 || true)
[ -n "$bin" ] && [ -x "$bin" ] || fail "the artefact has no kiosque-publish binary"
(cd "$(dirname "$bin")" && sha256sum --quiet -c SHA256SUMS) || fail "SHA256SUMS in the artefact do not match"
mv "$bin" "$tmp/kiosque-publish"
rm -rf "$tmp"/kiosque-publish-*/

# The release dist/ as a host has it, minus what the prerender writes: it
# must write all of it again.
cp -r dist "$tmp/dist"
site=$tmp/dist
if [ -f "$site/redirect-pages.txt" ]; then
  while read -r f; do rm -f "$site/$f"; done < "$site/redirect-pages.txt"
fi
rm -rf "$site/article" "$site/category" "$site/tag" "$site/author" "$site/page"
rm -f "$site"/prerender.json "$site"/sitemap*.xml "$site"/redirect-pages.txt "$site"/feed.xml
cp deploy/nginx/redirects.nginx.conf deploy/netlify/_redirects "$site/"
find "$site" -depth -type d -empty -delete

clean_path=/usr/bin:/bin
if env -i PATH=$clean_path sh -c 'command -v cargo || command -v rustc' >/dev/null; then
  fail "cargo or rustc is on $clean_path: this test cannot show the binary does without them"
fi
publish() {
  (cd "$tmp" && env -i PATH=$clean_path HOME="$tmp" ./kiosque-publish prerender --dist dist --site-url https://news.example.com) \
    > "$tmp/run$1.log" 2>&1 || { cat "$tmp/run$1.log" >&2; fail "run $1 failed"; }
}

publish 1
articles=$(node -e 'let n = 0; for (const f of require("fs").readdirSync(process.argv[1]).filter((f) => /^\d+\.json$/.test(f)))
  n += JSON.parse(require("fs").readFileSync(`${process.argv[1]}/${f}`, "utf8")).articles.length; console.log(n)' \
  "$site/api/archive/articles/page")
pages=$(find "$site/article" -name index.html | wc -l)
[ "$pages" = "$articles" ] || fail "$pages article pages for $articles articles"
for f in index.html sitemap.xml sitemap-1.xml sitemap-news.xml feed.xml robots.txt prerender.json redirect-pages.txt; do
  [ -s "$site/$f" ] || fail "$f was not written"
done
grep -q 'kiosque_old_dated' "$site/redirects.nginx.conf" || fail "redirects.nginx.conf has no old-URL maps"
grep -q '^/[0-9]\{4\}/:month/:day/:slug  /article/:slug  301!$' "$site/_redirects" || fail "_redirects has no dated-permalink rule"
grep -q '^/\*  *\/shell.html  *200$' "$site/_redirects" || fail "_redirects lost the kit's own rules"
first=$(head -1 "$site/redirect-pages.txt")
grep -q 'http-equiv="refresh"' "$site/$first" || fail "redirect page $first is missing"
grep -q 'https://news.example.com/article/' "$site/sitemap-1.xml" || fail "sitemap without article URLs"
[ -z "$(find "$site" -name '*.tmp')" ] || fail "temporary files left behind"

# A second run on unchanged content is a no-op: no file touched.
touch "$tmp/marker"
sleep 1
publish 2
changed=$(find "$site" -newer "$tmp/marker" -type f | sed "s|$site/||")
[ -z "$changed" ] || fail "the second run rewrote: $changed"
grep -q '(0 written, ' "$tmp/run2.log" || fail "the second run wrote pages: $(tail -1 "$tmp/run2.log")"
echo "publisher-clean: $articles articles, $(wc -l < "$site/redirect-pages.txt") redirect pages, second run a no-op; $(tail -1 "$tmp/run1.log")"
