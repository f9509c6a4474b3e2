// Old WordPress URLs answered by the host (docs/deploy.md, "Old WordPress
// URLs"): what `kiosque-publish prerender` writes for each recipe, checked
// with real requests. Node built-ins only.
//
// The demo never was on WordPress, so its archive has no WordPress IDs:
// siteWithWordPressIds() copies a prerendered site, gives every article of
// its archive index an ID (as a static export from WordPress does) and runs
// the prerender again on the copy, which then holds `?p=ID` rules too. It
// also splits the newest article in 3 parts and nests the first page under
// a parent `guide`, as an export from WordPress writes them, so the rules
// hold the old part URLs (`/slug/2/`) and the nested path (`/guide/page/`).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request } from './contract.mjs';
import { REPO } from './site.mjs';

/** The parent the copy gives the first static page. */
const NESTED_PARENT = 'guide';

/** The ID the copy gives the article at `index` of the archive index. */
const idOf = (index) => 5000 + index;

function indexPages(root) {
  const dir = path.join(root, 'api/archive/articles/page');
  return fs.readdirSync(dir).filter((f) => /^\d+\.json$/.test(f)).map((f) => path.join(dir, f));
}

/** The newest article's old URLs, and its ID when the archive has one. */
export function oldUrls(root) {
  const page = JSON.parse(fs.readFileSync(path.join(root, 'api/archive/articles/page/1.json'), 'utf8'));
  const a = page.articles[0];
  const [y, m, d] = a.published.slice(0, 10).split('-');
  return {
    slug: a.slug,
    target: `/article/${a.slug}`,
    dated: `/${y}/${m}/${d}/${a.slug}/`,
    postname: `/${a.slug}/`,
    id: a.wp_id,
  };
}

/**
 * A copy of the prerendered site `root` whose archive carries WordPress IDs,
 * prerendered again (only what changed is rewritten). The command is
 * $KIOSQUE_PUBLISH when set, else `cargo run -p kiosque-cli`.
 */
export function siteWithWordPressIds(root) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosque-legacy-'));
  fs.chmodSync(tmp, 0o755);
  const copy = path.join(tmp, 'site');
  fs.cpSync(root, copy, { recursive: true, dereference: true });
  let n = 0;
  for (const file of indexPages(copy).sort()) {
    const page = JSON.parse(fs.readFileSync(file, 'utf8'));
    for (const a of page.articles) {
      if (n === 0) a.parts = 3;
      a.wp_id = idOf(n++);
    }
    fs.writeFileSync(file, JSON.stringify(page));
    for (const ext of ['.br', '.gz']) fs.rmSync(file + ext, { force: true });
  }
  const indexFile = path.join(copy, 'api/archive/index.json');
  const archive = JSON.parse(fs.readFileSync(indexFile, 'utf8'));
  assert.ok(archive.pages?.length > 0, 'the site has a static page');
  archive.pages[0].parents = [NESTED_PARENT];
  fs.writeFileSync(indexFile, JSON.stringify(archive));
  for (const ext of ['.br', '.gz']) fs.rmSync(indexFile + ext, { force: true });
  // The same public URL as the original prerender, so no page changes.
  const index = fs.readFileSync(path.join(copy, 'sitemap.xml'), 'utf8');
  const siteUrl = /<loc>(.*)\/sitemap-1\.xml<\/loc>/.exec(index)?.[1];
  assert.ok(siteUrl, 'the prerendered site has a sitemap index');
  const args = ['prerender', '--dist', copy, '--site-url', siteUrl];
  const bin = process.env.KIOSQUE_PUBLISH;
  const run = bin
    ? spawnSync(bin, args, { encoding: 'utf8' })
    : spawnSync('cargo', ['run', '--quiet', '-p', 'kiosque-cli', '--', ...args], { cwd: REPO, encoding: 'utf8' });
  assert.equal(run.status, 0, `prerender of the copy: ${run.stderr}`);
  return { root: copy, cleanup: () => fs.rmSync(tmp, { recursive: true, force: true }) };
}

/** Registers the redirect checks for a host that answers them itself. */
export function legacyTests(name, port, site) {
  const old = () => oldUrls(site.root);
  const movedTo = async (p) => {
    const r = await request(port(), p);
    assert.equal(r.status, 301, `${p}: ${r.status}`);
    return new URL(r.headers.location, 'http://host.test').pathname;
  };

  test(`${name}: an old dated permalink answers 301 to its article`, async () => {
    const { dated, target } = old();
    assert.equal(await movedTo(dated), target);
    assert.equal(await movedTo(dated.replace(/\/$/, '')), target, 'without the trailing slash');
  });

  test(`${name}: WordPress's /%postname%/ form answers 301 to its article`, async () => {
    const { postname, target } = old();
    assert.equal(await movedTo(postname), target);
    assert.equal(await movedTo(postname.replace(/\/$/, '')), target);
  });

  test(`${name}: /?p=ID answers 301 to the article with that WordPress ID`, async () => {
    const { id, target } = old();
    assert.equal(id, idOf(0), 'the copy carries WordPress IDs');
    assert.equal(await movedTo(`/?p=${id}`), target);
    assert.equal(await movedTo(`/index.php?p=${id}`), target);
    // An ID nobody has, and the home itself: no redirect.
    for (const p of ['/?p=1', '/', '/?utm_source=x']) {
      assert.equal((await request(port(), p)).status, 200, p);
    }
  });

  test(`${name}: a split post's old part URLs answer 301 to its parts`, async () => {
    const { slug, target } = old();
    assert.equal(await movedTo(`/${slug}/2/`), `${target}/2`);
    assert.equal(await movedTo(`/${slug}/3`), `${target}/3`);
    // It has 3 parts: a fourth is nobody's (the app answers it).
    assert.notEqual((await request(port(), `/${slug}/4/`)).status, 301);
  });

  test(`${name}: a nested page's old path answers 301 to its page`, async () => {
    const archive = JSON.parse(fs.readFileSync(path.join(site.root, 'api/archive/index.json'), 'utf8'));
    const page = archive.pages[0].slug;
    assert.equal(await movedTo(`/${NESTED_PARENT}/${page}/`), `/${page}`);
    assert.equal(await movedTo(`/${NESTED_PARENT}/${page}`), `/${page}`);
  });

  test(`${name}: Kiosque's own URLs are never redirected`, async () => {
    const { target } = old();
    for (const p of [target, '/search?q=eau', '/category/economie']) {
      assert.notEqual((await request(port(), p)).status, 301, p);
    }
  });
}
