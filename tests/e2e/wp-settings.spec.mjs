// Issue #19's site settings and post formats against the live test
// WordPress (scripts/wordpress/seed-settings.php, seed-wp-posts.php): the
// Site Icon in the head, format-styled cards, dates in the site's time zone
// the same in the prerendered page and the app. Runs on the release bundle
// pointed at WordPress and prerendered from it (scripts/prerender-wp.sh), in
// KIOSQUE_WP_DIST (target/dist-wp), served on E2E_PORT + 7 like
// wordpress.spec.mjs.
import { test, readerTest, expect, expectAccessible, serveSpec, snap, watchErrors } from './helpers.mjs';

serveSpec();

const ICON = /\/wp-content\/uploads\/kiosque-site-icon\.png$/;

test('the Site Icon is the tab and home-screen icon, and it loads', async ({ page }) => {
  const errors = watchErrors(page);
  const icons = [];
  page.on('request', (r) => { if (/favicon\.svg$/.test(r.url())) icons.push(r.url()); });
  await page.goto('/');
  await expect(page.locator('link[rel="icon"]').last()).toHaveAttribute('href', ICON);
  // The prerendered page names the site's icon only: the bundle's is not fetched too.
  await expect(page.locator('link[rel="icon"]')).toHaveCount(1);
  await page.waitForLoadState('load');
  expect(icons).toEqual([]);
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute('href', ICON);
  const href = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  const icon = await page.request.get(href);
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/png');
  // A page the app renders itself (the SPA shell) gets the same links.
  await page.goto('/search?q=mer');
  await expect(page.locator('.search-results, .search-page, main h1').first()).toBeVisible();
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute('href', ICON);
  await expect(page.locator('link[rel="icon"]').last()).toHaveAttribute('href', ICON);
  expect(errors).toEqual([]);
});

test('cards look like their format: notes, a quote, labels, a link that leads out', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await page.goto('/category/cas-wordpress/page/2');
  const quote = page.locator('.card--quote');
  await expect(quote.locator('blockquote.card__quote')).toContainText('La mer ne se raconte pas');
  for (const [format, label] of [['video', 'Vidéo'], ['audio', 'Audio'], ['gallery', 'Galerie'], ['image', 'Image'], ['chat', 'Discussion']]) {
    await expect(page.locator(`.card--${format} .card__format`)).toHaveText(label);
  }
  await expect(page.locator('article.card:not([class*="card--"]) .card__format')).toHaveCount(0);
  await expectAccessible(page);
  await snap(page, testInfo, 'wp-settings-formats-2');
  await page.goto('/category/cas-wordpress/page/3');
  // A note reads as its text: no image, the text is the link.
  const aside = page.locator('.card--aside');
  await expect(aside.locator('.card__link')).toHaveText('Une brève sans titre, comme une note en marge du fil.');
  await expect(aside.locator('.card__standfirst, .card__img')).toHaveCount(0);
  await expect(page.locator('.card--status .card__link')).toContainText('la rédaction passe à l’heure d’été');
  await expect(page.locator('.card--link .card__title')).toHaveText('Un lien vers la météo marine');
  await expectAccessible(page);
  await snap(page, testInfo, 'wp-settings-formats-3');
  expect(errors).toEqual([]);
});

// Without `eager`: the prerendered page as it arrives, then the app.
readerTest('dates are in the site’s zone, the same prerendered and hydrated', async ({ page }) => {
  const slug = 'tunisie-bizerte-pecheurs-rarefaction-poisson';
  const html = await (await page.request.get(`/article/${slug}`)).text();
  // The article's own date: the first <time> of the page (cards come later).
  const prerendered = html.match(/<time datetime="[^"]*">.*?<\/time>/)?.[0];
  expect(prerendered, 'a prerendered date').toBeTruthy();
  // Posted at 19:40 in Casablanca (UTC+1 in November).
  expect(prerendered).toContain('2026-11-28T19:40:00+01:00');
  await page.goto(`/article/${slug}`);
  // The reader's first intent (a pointer on a link) starts the app.
  await page.locator('a.site-header__name').hover();
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'));
  const hydrated = await page.evaluate(() => document.querySelector('main time').outerHTML);
  // Leptos's hydration markers (`<!>`) aside, the same element, byte for byte.
  const markup = (html) => html.replace(/<!(--.*?--)?>/g, '');
  expect(markup(hydrated)).toBe(markup(prerendered));
  expect(prerendered).toContain('28 novembre 2026 à 19 h 40');
});
