#!/usr/bin/env bash
# `kiosque-publish export` against the test WordPress (scripts/wordpress/):
# a copy of the release dist/ exported and prerendered, read back as the live
# source answers; one post edited in WordPress, exported again: only what
# shows it changes; the post restored, exported again: the API is back
# byte for byte. Then a misbehaving WordPress (scripts/export-fake-wp.mjs on
# port 4295): a post the mapping rejects is skipped and keeps its last export,
# a crash mid-way resumes without refetching, a per_page capped by a plugin is
# found and paged with, a WordPress that is down fails the export and leaves
# the previous one intact.
set -euo pipefail
cd "$(dirname "$0")/.."
wp="${KIOSQUE_WP_URL:-http://127.0.0.1:8081/wp-json}"
origin="${wp%/wp-json}"
fake_port=4295
out=target/export-wp
work=$(mktemp -d)
fake_pid=
cleanup() {
  [ -n "$fake_pid" ] && kill "$fake_pid" 2>/dev/null || true
  # Never leave the test WordPress edited.
  [ -f "$work/saved.json" ] && php scripts/wordpress/touch-post.php "$origin" "$slug" restore "$work/saved.json" || true
  rm -rf "$work"
}
trap cleanup EXIT
slug=maroc-agadir-reseau-bus-electriques

if [ -z "${KIOSQUE_PUBLISH:-}" ]; then
  cargo build --quiet -p kiosque-cli
  KIOSQUE_PUBLISH=target/debug/kiosque-publish
fi
pub() { "$KIOSQUE_PUBLISH" "$@"; }
ok() { echo "ok - $*"; }
fail() { echo "not ok - $*" >&2; exit 1; }
snapshot() {
  (cd "$out" && find . -type f ! -name '*.br' ! -name '*.gz' -print0 | sort -z | xargs -0 sha256sum) > "$1"
  (cd "$out" && find api -type f -printf '%p %i\n') > "$1.inodes"
}
api_sums() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }

# A static site whose API comes from WordPress: same site keys and custom
# post types, api.kind static, the WordPress under export.
rm -rf "$out" "$out".export-* "$out/api".export-*
cp -r dist "$out"
node -e '
  const fs = require("fs");
  const [file, wp] = process.argv.slice(1);
  const { site, post_types } = JSON.parse(fs.readFileSync(file, "utf8"));
  const config = { version: 1, api: { kind: "static", base_url: "/api" }, site, post_types, export: { wordpress_url: wp } };
  fs.writeFileSync(file, JSON.stringify(config, null, 2) + "\n");
' "$out/config.json" "$wp"

pub export --dist "$out" --site-url http://127.0.0.1:4173 > "$work/first.log"
grep -q "^export: .* posts from $wp (.* 0 skipped)" "$work/first.log" || { cat "$work/first.log"; fail "first export"; }
[ -f "$out/article/$slug/index.html" ] || fail "the export is prerendered"
grep -q '"wp_id":' "$out/api/archive/articles/page/1.json" || grep -q '"wp_id": ' "$out/api/archive/articles/page/1.json" || fail "wp_id in the archive index"
ok "export + prerender: $(grep '^export:' "$work/first.log")"
# A custom type's item in the classic editor (seed-cpt.php): its [gallery]'s
# 150×150 thumbnails get their attachments' renditions, as a post's do.
node -e '
  const a = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const g = a.body.find((b) => b.type === "gallery");
  const ok = g?.items.length === 3 && g.items.every((i) => i.image.width > 150 && i.image.sources.length >= 3);
  if (!ok) { console.error(JSON.stringify(g ?? a.body).slice(0, 600)); process.exit(1); }
' "$out/api/types/videos/video-galerie-classique-reperages.json" || fail "a custom type item's classic gallery has its renditions"
ok "a custom type item's classic gallery has its renditions"

KIOSQUE_EXPORT_API="$PWD/$out/api" KIOSQUE_WP_URL="$wp" \
  cargo test --quiet -p kiosque-cli --test it -- --ignored export_roundtrip:: 2>&1 | tail -3
ok "the export reads back as the live WordPress source"

# One post edited: only what shows it changes.
snapshot "$work/before.sums"
cp "$out/prerender.json" "$work/before.sums.manifest"
cp -r "$out/api" "$work/api-before"
php scripts/wordpress/touch-post.php "$origin" "$slug" edit "$work/saved.json"
pub export --dist "$out" --site-url http://127.0.0.1:4173 > "$work/edit.log" || { php scripts/wordpress/touch-post.php "$origin" "$slug" restore "$work/saved.json"; fail "export after the edit"; }
php scripts/wordpress/touch-post.php "$origin" "$slug" restore "$work/saved.json"
grep -q "(1 fetched, " "$work/edit.log" || { grep '^export:' "$work/edit.log"; fail "one post fetched"; }
grep -q "(mis à jour)" "$out/article/$slug/index.html" || fail "the edited title is on the page"
snapshot "$work/after.sums"
node scripts/export-changes.mjs "$out" "$work/before.sums" "$work/after.sums" "$work/api-before" "$slug"
ok "after one edit, only its article, listings, rails, indexes, feeds and sitemaps changed"

# Restored (an older modification time, which modified_after cannot see):
# the API is back byte for byte.
pub export --dist "$out" --no-prerender > "$work/restore.log"
diff <(api_sums "$work/api-before") <(api_sums "$out/api") > /dev/null || fail "the restored post exports as before"
ok "restored: the API is as before"

# With the application password seed-menus.php made for the administrator:
# WordPress's menus become the header's and the footer's (issue 20 item 2).
wp_state="${KIOSQUE_WP_STATE:-/var/lib/kiosque-wp}"
pub export --dist "$out" --site-url http://127.0.0.1:4173 --user "$(cat "$wp_state/export-user")" \
  --app-password-file "$wp_state/export-password" > "$work/menus.log" || { cat "$work/menus.log"; fail "export with a login"; }
node -e '
  const site = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const p = site.menus?.primary ?? [], f = site.menus?.footer ?? [];
  const ok = p.length === 4 && p[0].link?.route === "/category/maghreb" && p[0].children.length === 2
    && p[2].link === undefined && p[2].children.length === 2 && p[3].link?.external === "https://partenaire.example/depeches"
    && f.length === 2 && f[0].link?.route === "/a-propos";
  if (!ok) { console.error(JSON.stringify(site.menus, null, 1)); process.exit(1); }
' "$out/api/site.json" || fail "the menus in site.json"
grep -q 'class="nav__sub"' "$out/index.html" && grep -q 'Agence partenaire' "$out/index.html" && grep -q 'Charte éditoriale' "$out/index.html" \
  || fail "the prerendered home shows the menus"
ok "with a login, WordPress's menus are the site's: $(grep '^export:' "$work/menus.log")"

# A misbehaving WordPress, into a fresh directory.
fake() {
  [ -n "$fake_pid" ] && kill "$fake_pid" 2>/dev/null && wait "$fake_pid" 2>/dev/null || true
  node scripts/export-fake-wp.mjs "$fake_port" "$origin" "$@" &
  fake_pid=$!
  for _ in $(seq 50); do curl -sf "http://127.0.0.1:$fake_port/__requests" > /dev/null && return; sleep 0.1; done
  fail "the fake WordPress did not start"
}
bad="$work/bad"
mkdir -p "$bad"
fakewp="http://127.0.0.1:$fake_port/wp-json"
export_bad() { pub export --dist "$bad" --api-dir "$bad/api" --wordpress "$fakewp" --no-prerender --retries 1 --page-size 20 "$@"; }

# A crash mid-way (page 3 of the posts fails), then a rerun: the pages
# already read are not asked again. The first request also fails once:
# retried.
fake --fail 'per_page=20&page=3&_embed' --fail-once '_fields=id,modified_gmt'
if export_bad > "$work/crash.log" 2>&1; then fail "an export with a failing page fails"; fi
[ ! -d "$bad/api" ] || fail "a failed first export leaves nothing"
grep -q "retrying" "$work/crash.log" || { cat "$work/crash.log"; fail "a 5xx is retried"; }
first=$(curl -s "http://127.0.0.1:$fake_port/__requests")
fake
export_bad > "$work/resume.log"
again=$(curl -s "http://127.0.0.1:$fake_port/__requests")
node -e '
  const [first, again] = process.argv.slice(1).map(JSON.parse);
  const pages = (l) => l.filter((u) => /_embed/.test(u) && /per_page=20/.test(u) && !/include=/.test(u));
  const p1 = (l) => pages(l).filter((u) => !/&page=/.test(u));
  if (p1(first).length !== 1) throw new Error("page 1 was read before the crash");
  if (p1(again).length !== 0) throw new Error("page 1 was asked again: " + JSON.stringify(pages(again)));
' "$first" "$again" || fail "resume"
n=$(ls "$bad/api/articles" | wc -l)
ok "a crash mid-way resumes without asking again ($n articles)"

# An application password (the seed's reader): sent as Basic auth to this
# machine, refused over plain HTTP to another.
auth="${KIOSQUE_WP_STATE:-/var/lib/kiosque-wp}/reader-auth"
if [ -f "$auth" ]; then
  cut -d: -f2- "$auth" > "$work/password"
  fake
  export_bad --user "$(cut -d: -f1 "$auth")" --app-password-file "$work/password" > "$work/auth.log"
  curl -s "http://127.0.0.1:$fake_port/__requests" | node -e '
    const seen = JSON.parse(require("fs").readFileSync(0, "utf8"));
    if (!seen.length || !seen.every((u) => u.startsWith("auth "))) throw new Error("not every request carried it");
  ' || fail "the application password is sent"
  if pub export --dist "$bad" --api-dir "$bad/api" --wordpress http://wp.example/wp-json --user x \
    --app-password-file "$work/password" --no-prerender 2> "$work/refused.log"; then fail "a password over plain HTTP is refused"; fi
  grep -q "refusing to send a password" "$work/refused.log" || fail "says why"
  ok "an application password goes to this machine as Basic auth, never over plain HTTP elsewhere"
fi

# A post the mapping rejects: skipped, reported with its ID, its last export kept.
id=$(node -e 'const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(Object.entries(s.posts).find(([, e]) => e.slug === process.argv[2])[0])' "$bad/api/.export-state.json" "$slug")
before=$(sha256sum < "$bad/api/articles/$slug.json")
fake --mangle "$id"
export_bad > "$work/mangled.log" || fail "one bad post does not fail the export"
grep -q "skipped  post $id: .*date.*(its last export is kept)" "$work/mangled.log" || { cat "$work/mangled.log"; fail "the bad post is reported"; }
grep -q ", 1 skipped)" "$work/mangled.log" || fail "and counted"
[ "$(sha256sum < "$bad/api/articles/$slug.json")" = "$before" ] || fail "its last export is kept"
ok "a malformed post is skipped and reported: $(grep "skipped  post $id" "$work/mangled.log")"

# A plugin capping per_page at 10 (400 above it): the export finds a size
# WordPress accepts (halving: 6) and exports every post with it.
capped="$work/capped"
mkdir -p "$capped"
fake --cap 10
pub export --dist "$capped" --api-dir "$capped/api" --wordpress "$fakewp" --no-prerender --retries 1 > "$work/capped.log" 2>&1 \
  || { cat "$work/capped.log"; fail "an export under a per_page cap"; }
grep -q "asking 6 a request" "$work/capped.log" || { cat "$work/capped.log"; fail "the cap is found"; }
diff <(ls "$out/api/articles") <(ls "$capped/api/articles") > /dev/null || fail "every article is exported under the cap"
ok "per_page capped by a plugin: $(grep -c . <(ls "$capped/api/articles")) articles, $(grep -o 'asking [0-9]* a request' "$work/capped.log")"

# `_embed` refused: categories, tags, featured images and authors are filled
# by ID, so every article exports as it does with `_embed` (but the post with
# 30 tags: WordPress embeds 10 of them, the tag list gives all 30).
plain="$work/plain"
mkdir -p "$plain"
fake --no-embed
pub export --dist "$plain" --api-dir "$plain/api" --wordpress "$fakewp" --no-prerender --retries 1 > "$work/plain.log" 2>&1 \
  || { cat "$work/plain.log"; fail "an export without _embed"; }
diff -r -x article-soixante-termes.json "$capped/api/articles" "$plain/api/articles" > /dev/null \
  || fail "without _embed, the articles export as with it"
ok "_embed refused: every article keeps its category, image and author"

# WordPress down: the export fails, the previous one stays.
fake --down
sums=$(api_sums "$bad/api")
if export_bad > "$work/down.log" 2>&1; then fail "an export from a WordPress that is down fails"; fi
grep -q "the previous export is unchanged" "$work/down.log" || { cat "$work/down.log"; fail "says so"; }
[ "$(api_sums "$bad/api")" = "$sums" ] || fail "the previous export is intact"
ok "WordPress down: the export fails, the previous one is intact"
