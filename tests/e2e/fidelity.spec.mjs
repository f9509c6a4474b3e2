// Word coverage (issue 19, item 1): every word WordPress's own
// `content.rendered` shows a reader appears in Kiosque's article, for every
// published post of the test WordPress, read from the prerendered pages of
// target/dist-wp (scripts/prerender-wp.sh; a multi-page post's pages
// together). What the sanitizer removes on purpose, and what a browser never
// shows a reader, is removed from WordPress's side too (see below). Fails
// below 99 % for any post; the per-post report is written to
// target/fidelity-report.json.
import fs from 'node:fs';
import path from 'node:path';
import { readerTest as test, expect, dist } from './helpers.mjs';

const WP = process.env.KIOSQUE_WP_URL || 'http://127.0.0.1:8081/wp-json';
const root = path.resolve(dist, '../target/dist-wp');
const THRESHOLD = 0.99;

async function all(kind) {
  const posts = [];
  for (let page = 1; ; page++) {
    const res = await fetch(`${WP}/wp/v2/${kind}?per_page=100&page=${page}&_fields=id,slug,content`);
    expect(res.ok, `${kind} page ${page}: ${res.status}`).toBe(true);
    posts.push(...(await res.json()));
    if (page >= Number(res.headers.get('x-wp-totalpages') || 1)) return posts;
  }
}

/** Every prerendered page of an article (its own and any deeper one: pages
 * 2…), or a site page's own. */
function prerendered(kind, slug) {
  const dir = kind === 'posts' ? path.join(root, 'article', decodeURIComponent(slug)) : path.join(root, decodeURIComponent(slug));
  if (kind === 'pages') {
    const f = path.join(dir, 'index.html');
    return fs.existsSync(f) ? [fs.readFileSync(f, 'utf8')] : [];
  }
  const out = [];
  const walk = (d) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'index.html') out.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

test('word coverage: every word WordPress shows is in the Kiosque article or page (≥ 99 % each)', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one run is enough: no layout involved');
  test.setTimeout(240_000);
  const input = [];
  for (const kind of ['posts', 'pages']) {
    for (const p of await all(kind)) {
      // A protected post's text is not shown until its password is given.
      if (p.content.protected) continue;
      input.push({ id: p.id, slug: p.slug, wp: p.content.rendered, kiosque: prerendered(kind, p.slug) });
    }
  }
  expect(input.length).toBeGreaterThan(40);
  await page.setContent('<!doctype html><title>fidelity</title>');
  const report = await page.evaluate((input) => {
    const words = (text) => text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
    const count = (list) => list.reduce((m, w) => m.set(w, (m.get(w) || 0) + 1), new Map());
    // Block boundaries are word boundaries (textContent would glue a heading's
    // last word to the next paragraph's first).
    const BLOCKS =
      'p,h1,h2,h3,h4,h5,h6,ul,ol,dl,li,dt,dd,blockquote,figcaption,caption,table,td,th,tr,div,section,figure,pre,br,hr,' +
      'cite,summary,details,footer,a.wp-block-file__button,.wp-block-button';
    const parse = (html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      doc.querySelectorAll(BLOCKS).forEach((e) => {
        e.before(' ');
        e.after(' ');
      });
      return doc;
    };
    // An unregistered shortcode's tags ("[name key=value]", "[/name]"), which
    // WordPress leaves in the text and Kiosque removes on purpose (its text
    // stays on both sides).
    const withoutShortcodes = (text) => {
      const closed = new Set([...text.matchAll(/\[\/([a-z_][\w-]*)\]/gi)].map((m) => m[1].toLowerCase()));
      return text.replace(/\[(\/?)([a-z_][\w-]*)((?:\s[^\[\]]*)?)\]/gi, (tag, slash, name, rest) =>
        slash || /=/.test(rest) || /\/\s*$/.test(rest) || closed.has(name.toLowerCase()) ? ' ' : tag,
      );
    };
    return input.map(({ id, slug, wp, kiosque }) => {
      const doc = parse(`<body>${wp}</body>`);
      // Removed on purpose, or never shown to a reader: scripts and styles,
      // forms, templates, frames and plugins, the fallback text inside audio
      // and video (a browser with media support does not show it), SVG and
      // MathML (outside the allowlist), and `xmp`/`plaintext` (raw markup).
      doc
        .querySelectorAll('script, style, noscript, template, form, iframe, object, embed, audio, video, svg, math, xmp, plaintext')
        .forEach((e) => e.remove());
      const wanted = count(words(withoutShortcodes(doc.body.textContent)));
      const shown = count(kiosque.flatMap((html) => [...parse(html).querySelectorAll('.prose')].flatMap((e) => words(e.textContent))));
      let total = 0;
      let found = 0;
      const missing = [];
      for (const [w, n] of wanted) {
        total += n;
        const k = Math.min(n, shown.get(w) || 0);
        found += k;
        if (k < n) missing.push(w);
      }
      return { id, slug, pages: kiosque.length, words: total, coverage: total ? found / total : 1, missing: missing.slice(0, 20) };
    });
  }, input);
  fs.writeFileSync(path.resolve(dist, '../target/fidelity-report.json'), JSON.stringify(report, null, 2) + '\n');
  const words = report.reduce((s, r) => s + r.words, 0);
  const low = report.filter((r) => r.coverage < THRESHOLD).sort((a, b) => a.coverage - b.coverage);
  console.log(
    `fidelity: ${report.length} posts and pages, ${words} words; lowest ${report.map((r) => r.coverage).sort()[0]?.toFixed(4)}; ` +
      `${low.length} below ${THRESHOLD * 100} %`,
  );
  for (const r of low) console.log(`  ${r.slug} (#${r.id}): ${(r.coverage * 100).toFixed(1)} %, missing ${r.missing.join(' ')}`);
  expect(report.filter((r) => r.pages === 0).map((r) => r.slug), 'posts without a prerendered page').toEqual([]);
  expect(low.map((r) => `${r.slug}: ${(r.coverage * 100).toFixed(1)} %`)).toEqual([]);
});
