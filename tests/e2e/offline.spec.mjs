// Offline reading (public/sw.js): pages and articles read online open again
// without a network, anything else gets the offline page, a cached page never
// answers for another route, and config.json stays network-first.
//
// Served from a private copy of dist/ (target/dist-offline) so that one
// article can lose its prerendered page (the "shell" variant) and config.json
// can be edited on disk, as a publisher would.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { api, dist, eager, holdsFor, watchErrors } from './helpers.mjs';
import { startServer } from '../../scripts/serve.mjs';

test.use({ serviceWorkers: 'allow' });
// The app (and so its service worker) starts on arrival here.
test.beforeEach(({ context }) => eager(context));

const out = path.resolve(dist, '../target/dist-offline');
const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'prerender.json'), 'utf8'));
const articles = Object.keys(manifest.pages).filter((r) => r.startsWith('/article/'));
const home = api('home.json');
const onHome = [...new Set([home.lead, ...home.latest].map((a) => `/article/${a.slug}`))];
// A: prerendered, loaded as a page. B: its page removed, so the shell serves
// it. C: opened by a link from the home. D: never read.
const [A, B] = articles.filter((r) => !onHome.includes(r));
const [C, D] = onHome;
const title = (route) => api(`articles/${route.split('/').pop()}.json`).title;

let server;
let origin;

test.beforeAll(async () => {
  fs.rmSync(out, { recursive: true, force: true });
  fs.cpSync(dist, out, { recursive: true, filter: (f) => !/\.(br|gz)$/.test(f) });
  fs.rmSync(path.join(out, B.slice(1), 'index.html'));
  server = await startServer({ root: out, port: 0, precompress: false });
  origin = `http://127.0.0.1:${server.address().port}`;
});
test.afterAll(async () => {
  await new Promise((r) => server?.close(r));
});

/** Cache name (without its version) → paths it holds. */
function cacheContents(page) {
  return page.evaluate(async () => {
    const all = {};
    for (const name of await caches.keys()) {
      const keys = await (await caches.open(name)).keys();
      all[name.replace(/-[^-]+$/, '')] = keys.map((r) => {
        const u = new URL(r.url);
        return u.pathname + u.search;
      });
    }
    return all;
  });
}

/** Waits until the cache `name` holds `paths`. */
async function expectCached(page, name, paths) {
  await expect.poll(async () => (await cacheContents(page))[name] ?? [], { timeout: 10_000 }).toEqual(expect.arrayContaining(paths));
}

/** Opens `route` online and waits for the service worker to control the page. */
async function openOnline(page, route) {
  await page.goto(`${origin}${route}`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await expect(page.locator('main h1').first()).toBeVisible();
}

async function expectArticle(page, route) {
  await expect(page.locator('main h1')).toHaveText(title(route));
  await expect(page.locator('.article .prose > p').first()).not.toBeEmpty();
}

async function expectOfflinePage(page) {
  await expect(page.locator('h1')).toHaveText('Vous êtes hors ligne');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('[lang="en"] h2')).toHaveText('You are offline');
  await expect(page.locator('meta[name="kiosque-prerender"]')).toHaveCount(0);
  // Styled by the bundle's stylesheet.
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('.error-view')).textAlign)).toBe('center');
}

test('a page read online opens again offline', async ({ page, context }) => {
  const errors = watchErrors(page);
  await openOnline(page, A);
  await expectCached(page, 'kiosque-pages', [A]);
  await context.setOffline(true);
  await page.reload();
  await expectArticle(page, A);
  await page.waitForFunction(() => window.__kiosqueStart);
  expect(await page.evaluate(() => window.__kiosqueStart)).toBe('hydrated');
  expect(errors).toEqual([]);
});

test('offline: read articles open, unread ones get the offline page, no page answers for another route', async ({ page, context }, testInfo) => {
  test.skip(testInfo.project.name === 'phone', 'the phone runs the short journey above');
  test.setTimeout(60_000);
  const errors = watchErrors(page);

  // Online: the home, A and B loaded as pages, C opened from a home link.
  await openOnline(page, '/');
  await openOnline(page, A);
  await expectArticle(page, A);
  await openOnline(page, B);
  await expectArticle(page, B);
  await page.waitForFunction(() => window.__kiosqueStart);
  expect(await page.evaluate(() => window.__kiosqueStart)).toBe('rendered');
  await page.goto(`${origin}/`);
  // C is opened by the app (a client route), not as a page load the worker
  // would store.
  await page.waitForFunction(() => window.__kiosqueStart);
  await page.locator(`main a[href="${C}"]`).first().click();
  await expectArticle(page, C);
  await expectCached(page, 'kiosque-pages', ['/', A, B]);
  await expectCached(page, 'kiosque-articles', [A, B, C].map((r) => `/api/articles/${r.split('/').pop()}.json`));
  await expectCached(page, 'kiosque-data', ['/config.json', '/api/site.json', '/api/home.json']);
  const before = await cacheContents(page);
  expect(before['kiosque-pages']).not.toContain(C);
  expect(before['kiosque-articles']).not.toContain(`/api/articles/${D.split('/').pop()}.json`);

  await context.setOffline(true);

  // A: its prerendered page. B: the shell that answered it. C: no page was
  // loaded for it, its data is cached: the shell renders it.
  for (const route of [A, B, C]) {
    await page.goto(`${origin}${route}`);
    await expectArticle(page, route);
  }
  await page.waitForFunction(() => window.__kiosqueStart);
  expect(await page.evaluate(() => window.__kiosqueStart)).toBe('rendered');

  // Client-side navigation between read pages.
  await page.locator('.site-header__name').click();
  await expect(page.locator('.card--lead .card__title')).toHaveText(home.lead.title);
  await page.locator(`main a[href="${C}"]`).first().click();
  await expectArticle(page, C);
  await page.goBack();
  await expect(page.locator('.card--lead .card__title')).toHaveText(home.lead.title);

  // An unread article opened by a link: the app's own offline message.
  await page.locator(`main a[href="${D}"]`).first().click();
  await expect(page.locator('.error-view__message')).toHaveText('Connexion impossible. Vérifiez votre accès à Internet.');

  // Loaded as a page: the offline page, never another cached page.
  const unread = articles.find((r) => ![A, B, C].includes(r));
  for (const route of [D, unread, '/category/nope', '/tag/eau']) {
    await page.goto(`${origin}${route}`);
    await expectOfflinePage(page);
  }
  // A's URL with a query was never loaded: the shell renders A, not A's
  // prerendered page.
  await page.goto(`${origin}${A}?from=offline`);
  await expectArticle(page, A);
  await page.waitForFunction(() => window.__kiosqueStart);
  expect(await page.evaluate(() => window.__kiosqueStart)).toBe('rendered');

  // The offline page links home, which is cached.
  await page.goto(`${origin}${D}`);
  await page.locator('main a').first().click();
  await expect(page.locator('.card--lead .card__title')).toHaveText(home.lead.title);

  await context.setOffline(false);
  expect(errors).toEqual([]);
});

test('offline search: a query read online answers again from its cached shards; another one says so', async ({ page, context }) => {
  await openOnline(page, '/search?q=eau');
  // Read again once the worker is there (the first load's shards bypassed it).
  await page.reload();
  await expect(page.locator('.search-result').first()).toBeVisible();
  const titles = await page.locator('.search-result__title').allTextContents();
  expect(titles.length).toBeGreaterThan(0);
  await expectCached(page, 'kiosque-search', ['/api/search/index.json', '/api/search/docs/0.json']);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.search-result__title')).toHaveText(titles);
  // Another query: the search page, with the app's offline message (its shards were never read).
  await page.goto(`${origin}/search?q=zzzqxw`);
  await expect(page.locator('main h1')).toHaveText('Rechercher');
  await expect(page.locator('main')).toContainText('Connexion impossible');
  await context.setOffline(false);
});

test('config.json is network first: an edit shows on the next load, and offline too', async ({ page, context }, testInfo) => {
  test.skip(testInfo.project.name === 'phone', 'viewport-independent');
  const errors = watchErrors(page);
  const file = path.join(out, 'config.json');
  const original = fs.readFileSync(file, 'utf8');
  try {
    await openOnline(page, A);
    await expectCached(page, 'kiosque-data', ['/config.json']);
    const config = JSON.parse(original);
    config.site = { ...config.site, name: 'Kiosque Hors Série' };
    fs.writeFileSync(file, JSON.stringify(config));
    await page.reload();
    await expect(page.locator('.site-header__name')).toHaveText('Kiosque Hors Série');
    await expectArticle(page, A);
    await context.setOffline(true);
    await page.reload();
    await expect(page.locator('.site-header__name')).toHaveText('Kiosque Hors Série');
    await expectArticle(page, A);
  } finally {
    fs.writeFileSync(file, original);
  }
  expect(errors).toEqual([]);
});

test('"offline_reading": false in config.json retires the worker and its caches', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === 'phone', 'viewport-independent');
  const errors = watchErrors(page);
  const file = path.join(out, 'config.json');
  const original = fs.readFileSync(file, 'utf8');
  try {
    await openOnline(page, A);
    await expectCached(page, 'kiosque-pages', [A]);
    fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(original), offline_reading: false }));
    await page.reload();
    await expectArticle(page, A);
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) === undefined)).toBe(true);
    await expect.poll(() => cacheContents(page)).toEqual({});
    // The next load goes to the network, and registers nothing.
    await page.reload();
    await expectArticle(page, A);
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    await holdsFor(500, async () =>
      expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) === undefined)).toBe(true));
  } finally {
    fs.writeFileSync(file, original);
  }
  expect(errors).toEqual([]);
});

test('a new build takes over on the next load and drops the old shell and pages, not the articles', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === 'phone', 'viewport-independent');
  const errors = watchErrors(page);
  const file = path.join(out, 'sw.js');
  const original = fs.readFileSync(file, 'utf8');
  const version = /version: '([0-9a-f]{16})'/.exec(original)[1];
  const next = version.replace(/^./, (c) => (c === '0' ? '1' : '0'));
  const names = () => page.evaluate(async () => (await caches.keys()).sort());
  try {
    await openOnline(page, '/');
    await page.locator(`main a[href="${C}"]`).first().click();
    await expectArticle(page, C);
    await expectCached(page, 'kiosque-articles', [`/api/articles/${C.split('/').pop()}.json`]);
    expect(await names()).toEqual(expect.arrayContaining([`kiosque-shell-${version}`, `kiosque-pages-${version}`]));
    // Deploy: the same files under a new version.
    fs.writeFileSync(file, original.replace(`version: '${version}'`, `version: '${next}'`));
    await page.reload();
    await expect.poll(names).toEqual(expect.arrayContaining([`kiosque-shell-${next}`, 'kiosque-articles-1']));
    await expect.poll(names).not.toContain(`kiosque-shell-${version}`);
    expect(await names()).not.toContain(`kiosque-pages-${version}`);
    expect((await cacheContents(page))['kiosque-articles']).toContain(`/api/articles/${C.split('/').pop()}.json`);
    // The page loads with the new worker and the shell it precached.
    await page.reload();
    await expectArticle(page, C);
  } finally {
    fs.writeFileSync(file, original);
  }
  expect(errors).toEqual([]);
});
