// The same reader journeys against a real WordPress (scripts/wordpress/up.sh,
// started by `make test`): the release bundle with only config.json changed,
// prerendered from WordPress (scripts/prerender-wp.sh writes target/dist-wp,
// its pages and its Content-Security-Policy).
import { test, expect, expectAccessible, notPrerendered, serveSpec, snap, watchErrors, wpDist, viewportIndependent } from './helpers.mjs';

const WP = process.env.KIOSQUE_WP_URL || 'http://127.0.0.1:8081/wp-json';
serveSpec();

async function wp(route) {
  const res = await fetch(`${WP}${route}`);
  expect(res.ok, `${route}: ${res.status}`).toBe(true);
  return res.json();
}

test('a WordPress site loads the WordPress bundle only: no static-source code', async ({ page }, testInfo) => {
  viewportIndependent(testInfo);
  const wasm = [];
  page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(new URL(r.url()).pathname));
  await page.goto('/');
  await page.waitForFunction(() => window.__kiosqueStart);
  expect(wasm).toHaveLength(1);
  expect(wasm[0]).toMatch(/^\/kiosque-wordpress-[0-9a-f]+_bg\.wasm$/);
});

test('home: the sticky post leads, titles are decoded text', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  const [sticky] = await wp('/wp/v2/posts?sticky=true&_fields=slug&per_page=1');
  await page.goto('/');
  await expect(page.locator('.card--lead .card__link')).toHaveAttribute('href', `/article/${sticky.slug}`);
  const titles = await page.locator('.card__title').allTextContents();
  expect(titles.length).toBeGreaterThan(10);
  for (const t of titles) expect(t).not.toMatch(/&#?\w+;/);
  await expectAccessible(page);
  await snap(page, testInfo, 'wp-home');
  expect(errors).toEqual([]);
});

test('article: entities decoded, figure sized, body blocks, related rail, breadcrumb', async ({ page }, testInfo) => {
  const posts = await wp('/wp/v2/posts?per_page=100&_fields=slug,title');
  const withEntity = posts.find((p) => /&#8217;|&#038;|&#8220;/.test(p.title.rendered));
  expect(withEntity, 'the seed has titles WordPress encodes').toBeTruthy();
  await page.goto(`/article/${withEntity.slug}`);
  const h1 = page.locator('h1');
  await expect(h1).toBeVisible();
  await expect(h1).not.toHaveText(/&#?\w+;/);
  expect(await h1.textContent()).toMatch(/[’&“]/);
  const img = page.locator('.article .figure img').first();
  await expect(img).toHaveAttribute('width', /\d+/);
  await expect(img).toHaveAttribute('height', /\d+/);
  await expect(page.locator('.prose p').first()).toBeVisible();
  await expect(page.locator('.breadcrumb li')).toHaveCount(3);
  await expect(page.locator('.rail a.card__link').first()).toBeVisible();
  const rail = await page.locator('.rail a.card__link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(rail).not.toContain(`/article/${withEntity.slug}`);
  await expectAccessible(page);
  await snap(page, testInfo, 'wp-article');
});

test('category page 2, author and tag pages', async ({ page }, testInfo) => {
  viewportIndependent(testInfo);
  await page.goto('/category/maghreb/page/2');
  await expect(page.locator('.pagination__status')).toHaveText(/Page 2 sur \d/);
  await expect(page.locator('.card__title').first()).toBeVisible();
  await page.getByRole('link', { name: 'Page précédente' }).click();
  await expect(page).toHaveURL(/\/category\/maghreb$/);

  await page.goto('/author/leila-benali');
  await expect(page.locator('h1')).toHaveText('Leïla Benali');
  await expect(page.locator('.card__title').first()).toBeVisible();

  const [tag] = await wp('/wp/v2/tags?orderby=count&order=desc&per_page=1&_fields=slug,name');
  await page.goto(`/tag/${tag.slug}`);
  await expect(page.locator('h1')).toContainText(tag.name.replace('&amp;', '&'));
  await expect(page.locator('.card__title').first()).toBeVisible();
  await expectAccessible(page);
});

test('search uses WordPress search', async ({ page }, testInfo) => {
  viewportIndependent(testInfo);
  await page.goto('/search?q=dessalement');
  await expect(page.locator('.search-result').first()).toBeVisible();
  await expect(page.locator('.search-result mark').first()).toBeVisible();
});

test('old permalinks and ?p=ID land on the canonical article; hidden posts never show', async ({ page }, testInfo) => {
  viewportIndependent(testInfo);
  const [post] = await wp('/wp/v2/posts?per_page=1&_fields=id,slug,date');
  const [y, m, d] = post.date.slice(0, 10).split('-');
  await page.goto(`/${y}/${m}/${d}/${post.slug}/`);
  await expect(page).toHaveURL(new RegExp(`/article/${post.slug}$`));
  await expect(page.locator('h1')).toBeVisible();
  await page.goto(`/?p=${post.id}`);
  await expect(page).toHaveURL(new RegExp(`/article/${post.slug}$`));
  await page.goto('/category/maghreb/');
  await expect(page).toHaveURL(/\/category\/maghreb$/);
  for (const hidden of ['brouillon-enquete-ports', 'note-interne-planning-redaction', 'a-paraitre-bilan-annuel']) {
    await page.goto(`/article/${hidden}`);
    await expect(page.locator('h1')).toHaveText('Page introuvable');
  }
  await page.goto('/a-propos');
  await expect(page.locator('h1')).toHaveText('À propos');
});

test('a view is counted once per article read, not for the look-up of an old permalink', async ({ page }, testInfo) => {
  viewportIndependent(testInfo);
  const origin = new URL(WP).origin;
  const hits = [];
  // Counted as the page sends them, whether or not the route below answers
  // them (an interception once let a cross-origin POST through).
  page.on('request', (r) => {
    if (r.url().startsWith(`${origin}/kiosque-count/`)) hits.push(`${r.method()} ${new URL(r.url()).pathname}`);
  });
  await page.route(`${origin}/kiosque-count/**`, (route) => route.fulfill({ status: 204 }));
  await page.route('**/config.json', async (route) => {
    const config = await (await route.fetch()).json();
    await route.fulfill({ json: { ...config, api: { ...config.api, view_count_url: `${origin}/kiosque-count/{id}` } } });
  });
  const [post] = await wp('/wp/v2/posts?per_page=1&_fields=id,slug');
  // The old permalink looks the post up, then the article route shows it.
  await page.goto(`/${post.slug}`);
  await expect(page).toHaveURL(new RegExp(`/article/${post.slug}$`));
  await expect(page.locator('h1')).toBeVisible();
  await expect.poll(() => hits).toEqual([`POST /kiosque-count/${post.id}`]);
  await page.waitForTimeout(500);
  expect(hits).toEqual([`POST /kiosque-count/${post.id}`]);
});

test('WordPress down: the error view and its retry', async ({ page }, testInfo) => {
  viewportIndependent(testInfo);
  await page.route(`${new URL(WP).origin}/**`, (route) => route.abort('connectionrefused'));
  // Not prerendered: the page needs WordPress to render.
  await notPrerendered(page, '/tag/eau', wpDist);
  await page.goto('/tag/eau');
  await expect(page.getByRole('alert')).toContainText('Connexion impossible');
  await expect(page.getByRole('alert').getByRole('button', { name: 'Réessayer' })).toBeVisible();
});

test('a slow WordPress answering after the reader left the page: no panic, the next page works', async ({ page }, testInfo) => {
  viewportIndependent(testInfo);
  const errors = watchErrors(page);
  // The hydrated page re-reads its data from WordPress; hold that answer
  // back until the reader has moved on.
  await page.route(/\/wp\/v2\/posts\?categories=\d+&per_page=/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await route.continue().catch(() => {});
  });
  await page.goto('/category/maghreb');
  await page.waitForFunction(() => window.__kiosqueStart === 'hydrated');
  const first = page.locator('.card__link').first();
  const href = await first.getAttribute('href');
  await first.click();
  await expect(page).toHaveURL(href);
  await expect(page.locator('h1')).toBeVisible();
  await page.waitForTimeout(3500);
  // Still alive: client-side routing goes on.
  await page.locator('.site-header a[href="/"]').first().click();
  await expect(page).toHaveURL('/');
  await expect(page.locator('.card--lead')).toBeVisible();
  expect(errors).toEqual([]);
});
