#!/usr/bin/env bash
# Sitemaps, the Google News sitemap and RSS feeds validated against schemas
# (issue 18, item 4), with xmllint (Debian's libxml2-utils):
#   1. each file in invalid/ must FAIL its schema (the schemas bite);
#   2. every sitemap*.xml and feed.xml of each prerendered site given (default:
#      dist/, target/dist-wp, target/export-wp when present) must pass;
#   3. a copy of dist/ prerendered "as of" one hour after its newest article
#      (SOURCE_DATE_EPOCH) has a non-empty news sitemap, which must pass too.
# The schemas are the project's own (see each file's header for what it follows).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"
command -v xmllint >/dev/null || { echo "schemas: xmllint missing (scripts/setup.sh --test installs libxml2-utils)" >&2; exit 1; }
fail=0
say() { printf 'schemas: %s\n' "$*" >&2; }
schema_for() { case "$(basename "$1")" in rss-* | feed.xml) echo "$here/rss.xsd" ;; *) echo "$here/sitemap.xsd" ;; esac; }

for f in "$here"/invalid/*.xml; do
  if xmllint --noout --schema "$(schema_for "$f")" "$f" >/dev/null 2>&1; then
    say "FAIL: $f should not validate"; fail=1
  fi
done

checked=0
validate_site() {
  local dir="$1" f
  [ -f "$dir/sitemap.xml" ] || { say "FAIL: $dir has no sitemap.xml"; fail=1; return; }
  [ -f "$dir/feed.xml" ] || { say "FAIL: $dir has no feed.xml"; fail=1; return; }
  while IFS= read -r f; do
    if ! out=$(xmllint --noout --schema "$(schema_for "$f")" "$f" 2>&1); then
      say "FAIL: $f"; printf '%s\n' "$out" | head -n 5 >&2; fail=1
    fi
    checked=$((checked + 1))
  done < <(find "$dir" -maxdepth 1 -name 'sitemap*.xml'; find "$dir" -name feed.xml -not -path '*/api/*')
}

if [ "$#" -gt 0 ]; then sites=("$@"); else
  sites=(dist)
  for d in target/dist-wp target/export-wp; do [ -f "$d/sitemap.xml" ] && sites+=("$d"); done
fi
for d in "${sites[@]}"; do validate_site "$d"; done

# 3. The news sitemap with entries: dist/ as of one hour after its newest article.
news=target/dist-news
rm -rf "$news"; cp -r dist "$news"
newest=$(node -e '
  const p = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(Math.max(...p.articles.map((a) => Date.parse(a.published) / 1000)));
' dist/api/latest/page/1.json)
SOURCE_DATE_EPOCH=$((newest + 3600)) "${KIOSQUE_PUBLISH:-target/debug/kiosque-publish}" prerender \
  --dist "$news" --site-url "https://news.example" >/dev/null
entries=$(grep -c '<news:news>' "$news/sitemap-news.xml" || true)
if [ "${entries:-0}" -lt 1 ]; then say "FAIL: $news/sitemap-news.xml has no entry"; fail=1; fi
validate_site "$news"
rm -rf "$news"

[ "$fail" = 0 ] || exit 1
say "ok: $(ls "$here"/invalid/*.xml | wc -l) invalid files refused, $checked files valid (${sites[*]} + news as of newest article + 1 h: $entries entries)"
