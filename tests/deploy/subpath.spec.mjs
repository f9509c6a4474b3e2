// A deploy under a sub-path: the bundle built with --public-url /news/
// (target/dist-subpath) served under http://host/news/, by scripts/serve.mjs
// (a CDN) and by the GitHub Pages emulator (a project site, whose deep links
// boot from 404.html).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { eager } from '../e2e/helpers.mjs';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../target/dist-subpath');
const api = (rel) => JSON.parse(fs.readFileSync(path.join(dist, 'api', rel), 'utf8'));
const serve = process.env.DEPLOY_SERVE_ORIGIN;
const pages = process.env.DEPLOY_PAGES_ORIGIN;

/** Records failed requests, page errors and console errors. */
function watch(page) {
  const problems = [];
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) problems.push(`${r.status()} ${r.url()}`);
  });
  // A hover prefetch (index.html's speculation rules) that the navigation
  // overtakes is cancelled: not a problem of the deploy.
  page.on('requestfailed', async (r) => {
    if (!(await r.allHeaders().catch(() => ({})))['sec-purpose']?.includes('prefetch')) problems.push(`failed ${r.url()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  return problems;
}

/** Every image on the page loads from under /news/. */
async function expectImagesUnderBase(page, origin) {
  const srcs = await page.locator('img').evaluateAll((imgs) => imgs.map((i) => i.currentSrc || i.src));
  expect(srcs.length).toBeGreaterThan(0);
  for (const src of srcs) {
    expect(src.startsWith(`${origin}/news/media/`), src).toBe(true);
    const r = await page.request.get(src);
    expect(r.status(), src).toBe(200);
  }
}

// These journeys exercise the app: it starts on arrival.
test.beforeEach(({ context }) => eager(context));

test('home, client navigation, images, reload and 404 under /news/', async ({ page }) => {
  const problems = watch(page);
  const home = api('home.json');
  await page.goto(`${serve}/news/`);
  await expect(page.locator('.card--lead')).toBeVisible();
  // The prerendered home (written for /news/) hydrates in place.
  await page.waitForFunction(() => window.__kiosqueStart);
  expect(await page.evaluate(() => window.__kiosqueStart)).toBe('hydrated');
  // Every internal link carries the base path.
  const hrefs = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs.length).toBeGreaterThan(10);
  expect(hrefs.filter((h) => !h.startsWith('/news/'))).toEqual([]);
  await page.locator('.card--lead img').evaluate((img) => img.decode());
  await expectImagesUnderBase(page, serve);

  // A card link navigates client-side (the page is not reloaded).
  await page.evaluate(() => { window.__sameDocument = true; });
  const slug = home.lead.slug;
  await page.locator('.card--lead .card__link').click();
  await expect(page).toHaveURL(`${serve}/news/article/${slug}`);
  await expect(page.locator('h1')).toHaveText(home.lead.title);
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
  await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', `${serve}/news/article/${slug}`);
  await expect(page.locator('.breadcrumb a').first()).toHaveAttribute('href', '/news/');
  await expectImagesUnderBase(page, serve);

  // The same URL on reload (a deep link).
  await page.reload();
  await expect(page.locator('h1')).toHaveText(home.lead.title);
  expect(await page.evaluate(() => window.__sameDocument)).toBeUndefined();

  // A trailing slash is dropped without leaving the base.
  await page.goto(`${serve}/news/article/${slug}/`);
  await expect(page).toHaveURL(`${serve}/news/article/${slug}`);
  await expect(page.locator('h1')).toHaveText(home.lead.title);

  expect(problems).toEqual([]);

  // The 404 view, and its way home.
  await page.goto(`${serve}/news/nothing-here-at-all`);
  await expect(page.locator('h1')).toHaveText('Page introuvable');
  await page.getByRole('link', { name: 'Retour à l’accueil' }).click();
  await expect(page).toHaveURL(`${serve}/news/`);
  await expect(page.locator('.card--lead')).toBeVisible();
});

test('GitHub Pages: a deep link boots the app from 404.html', async ({ page }) => {
  const lead = api('home.json').lead;
  const word = lead.title.split(/\s+/).find((w) => w.length > 6);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Every public page is prerendered; search results are not.
  const response = await page.goto(`${pages}/news/search?q=${encodeURIComponent(word)}`);
  expect(response.status()).toBe(404);
  await expect(page.locator('.card__link').first()).toBeVisible();
  // Client navigation from there stays under the base.
  await page.locator('.card__link').first().click();
  await expect(page).toHaveURL(new RegExp(`^${pages}/news/article/`));
  await expect(page.locator('.article__title')).toBeVisible();
  await page.locator('.article img').first().evaluate((img) => img.decode());
  await expectImagesUnderBase(page, pages);
  expect(errors).toEqual([]);
});

test('offline reading under /news/: the service worker is scoped to the base and serves from it', async ({ page, context }) => {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && problems.push(`console: ${m.text()}`));
  const home = api('home.json');
  await page.goto(`${serve}/news/`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(`${serve}/news/`);
  expect(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL)).toBe(`${serve}/news/sw.js`);
  await page.locator('.card--lead .card__link').click();
  await expect(page.locator('h1')).toHaveText(home.lead.title);
  const json = `${serve}/news/api/articles/${home.lead.slug}.json`;
  await expect
    .poll(() => page.evaluate(async (u) => Boolean(await caches.match(u)), json))
    .toBe(true);

  await context.setOffline(true);
  // Read: the shell renders it from the cached data.
  await page.reload();
  await expect(page.locator('h1')).toHaveText(home.lead.title);
  // Not read: the offline page, styled, its link home under the base.
  const unread = home.latest.find((a) => a.slug !== home.lead.slug).slug;
  await page.goto(`${serve}/news/article/${unread}`);
  await expect(page.locator('h1')).toHaveText('Vous êtes hors ligne');
  expect(await page.evaluate(() => getComputedStyle(document.querySelector('.error-view')).textAlign)).toBe('center');
  await page.locator('main a').first().click();
  await expect(page).toHaveURL(`${serve}/news/`);
  await expect(page.locator('.card--lead')).toBeVisible();
  await context.setOffline(false);
  expect(problems).toEqual([]);
});
