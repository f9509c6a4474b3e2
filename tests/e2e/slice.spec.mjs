// The first slice: home, article, 404, config and API errors with retry,
// deep links, canonical redirects.
import { test, expect, api, dist, expectAccessible, notPrerendered, snap, watchErrors } from './helpers.mjs';

const home = () => api('home.json');
const firstLatest = () => home().latest[0];

test('home → article → back → home', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await page.goto('/');
  const lead = home().lead;
  await expect(page.locator('.card--lead .card__title')).toHaveText(lead.title);
  await snap(page, testInfo, 'home');
  await expectAccessible(page);

  const target = firstLatest();
  await page.locator('.home__latest').getByRole('link', { name: target.title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/article/${target.slug}$`));
  await expect(page.locator('h1')).toHaveText(target.title);
  await expect(page).toHaveTitle(new RegExp(`^${escapeRe(target.title)} — `));
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('.card--lead .card__title')).toHaveText(lead.title);
  expect(errors).toEqual([]);
});

test('deep link and reload of an article', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  const slug = firstLatest().slug;
  const article = api(`articles/${slug}.json`);
  await page.goto(`/article/${slug}`);
  await expect(page.locator('h1')).toHaveText(article.title);
  await page.reload();
  await expect(page.locator('h1')).toHaveText(article.title);
  await expect(page.locator('.article__standfirst')).toHaveText(article.standfirst);
  await expect(page.locator('.prose p').first()).toBeVisible();
  await snap(page, testInfo, 'article');
  await expectAccessible(page);
  expect(errors).toEqual([]);
});

test('unknown routes show the 404 view with noindex', async ({ page }) => {
  for (const url of ['/cette-page-nexiste-pas', '/article/introuvable-000', '/un/chemin/inconnu']) {
    await page.goto(url);
    await expect(page.locator('h1')).toHaveText('Page introuvable');
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  }
  await expectAccessible(page);
});

test('a missing .json is a real 404, not the shell', async ({ request }) => {
  const res = await request.get('/api/articles/introuvable-000.json');
  expect(res.status()).toBe(404);
});

test('?page=N redirects to the canonical /page/N route', async ({ page }) => {
  const cat = api('site.json').nav[0].slug;
  await page.goto(`/category/${cat}?page=2`);
  await expect(page).toHaveURL(new RegExp(`/category/${cat}/page/2$`));
  await expect(page.locator('.pagination__status')).toContainText('Page 2 sur');
  await page.goto(`/category/${cat}/page/1`);
  await expect(page).toHaveURL(new RegExp(`/category/${cat}$`));
});

test('API down: the error view appears, and retry recovers once the API is back', async ({ page }, testInfo) => {
  const down = (route) => route.abort('connectionrefused');
  await page.route('**/api/**', down);
  // Not prerendered: the page needs the API to render.
  await notPrerendered(page, '/page/2');
  await page.goto('/page/2');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Connexion impossible');
  await snap(page, testInfo, 'api-down');
  await page.unroute('**/api/**', down);
  await alert.getByRole('button', { name: 'Réessayer' }).click();
  await expect(page.locator('.grid .card').first()).toBeVisible();
  await expect(page.locator('.pagination__status')).toContainText('Page 2 sur');
});

test('an invalid config.json names the bad key; no blank page', async ({ page }) => {
  await page.route('**/config.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: '{"api":{"kind":"drupal","base_url":"/api"}}' }),
  );
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('api.kind');
  await expect(page.locator('h1')).toHaveText('Configuration invalide');
});

test('a missing config.json is explained', async ({ page }) => {
  await page.route('**/config.json', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'nope' }));
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('config.json');
  await expect(page.getByRole('alert')).toContainText('introuvable');
});

function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
