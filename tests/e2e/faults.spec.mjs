// The fault matrix (issue #9): for each fault the reader gets a clear,
// localized message with a retry button (or a graceful fallback for images),
// retry recovers once the fault clears, and nothing panics or logs an error.
// Faults are injected with request interception; those it cannot express
// (a connection dropping mid-body, a huge body) are in faults-network.spec.mjs.
import { test, expect, api } from './helpers.mjs';
import { FR, baseConfig, clientRendered, expectErrorView, faultOn, guard, late, retry, routeConfig } from './fault-helpers.mjs';

const home = () => api('home.json');
const category = () => api('site.json').nav[0];
const articleSlug = () => home().lead.slug;

// The viewport does not change how faults are handled: most run at 1280 px only.
const desktopOnly = (testInfo) => test.skip(testInfo.project.name !== 'desktop', 'viewport-independent');

let errors;
test.beforeEach(async ({ page }) => {
  errors = guard(page);
  await clientRendered(page);
});
test.afterEach(() => {
  expect(errors, 'page errors, panics, console errors').toEqual([]);
});

test.describe('config.json', () => {
  test.beforeEach(({}, testInfo) => desktopOnly(testInfo));

  test('missing: the config error names the file; retry loads the site', async ({ page }) => {
    const fault = await routeConfig(page, 'Not Found', { status: 404, contentType: 'text/plain' });
    await page.goto('/');
    const view = page.locator('.config-error [role=alert]');
    await expect(view.locator('h1')).toHaveText('Configuration invalide');
    await expect(view.locator('.config-error__detail')).toHaveText(`config.json\u202F: ${FR.notFound}`);
    fault.on = false;
    await view.getByRole('button', { name: 'Réessayer' }).click();
    await expect(page.locator('.card--lead .card__title')).toHaveText(home().lead.title);
  });

  test('invalid: the bad key is named; not JSON: unreadable; retry recovers', async ({ page }) => {
    const fault = await routeConfig(page, { api: { kind: 'drupal', base_url: '/api' } });
    await page.goto('/');
    const detail = page.locator('.config-error__detail');
    await expect(detail).toContainText('config.json → «\u202Fapi.kind\u202F»\u202F: unknown variant `drupal`');
    fault.on = false;
    const html = await routeConfig(page, '<!doctype html><title>Oops</title>', { contentType: 'text/html' });
    await page.getByRole('button', { name: 'Réessayer' }).click();
    await expect(detail).toHaveText(`config.json\u202F: ${FR.badData}`);
    html.on = false;
    await page.getByRole('button', { name: 'Réessayer' }).click();
    await expect(page.locator('.card--lead .card__title')).toHaveText(home().lead.title);
  });
});

test.describe('the content API', () => {
  test('down on the home: offline message; retry recovers', async ({ page }) => {
    const fault = await faultOn(page, /\/api\//, (route) => route.abort('connectionrefused'));
    await page.goto('/');
    await expectErrorView(page, FR.offline);
    fault.on = false;
    await retry(page);
    await expect(page.locator('.card--lead .card__title')).toHaveText(home().lead.title);
    await expect(page.locator('.error-view')).toHaveCount(0);
    // The header recovers too: its navigation comes from the API (and the
    // custom post types' listings from config.json).
    const types = baseConfig().post_types ?? [];
    await expect(page.locator('#nav-list a')).toHaveCount(1 + api('site.json').nav.length + types.length);
  });

  test('500 on a category reached by a link: server message; retry recovers', async ({ page }, testInfo) => {
    desktopOnly(testInfo);
    const cat = category();
    await page.goto('/');
    await expect(page.locator('.card--lead')).toBeVisible();
    const fault = await faultOn(page, new RegExp(`/api/categories/${cat.slug}/`), (route) =>
      route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }),
    );
    await page.locator('nav.nav').getByRole('link', { name: cat.name, exact: true }).click();
    await expectErrorView(page, FR.server);
    expect(fault.hits, 'a 500 is retried twice').toBe(3);
    fault.on = false;
    await retry(page);
    await expect(page.locator('h1')).toHaveText(cat.name);
    await expect(page.locator('.card').first()).toBeVisible();
  });

  test('404 article: the not-found view, no retry loop', async ({ page }, testInfo) => {
    desktopOnly(testInfo);
    const slug = articleSlug();
    const fault = await faultOn(page, new RegExp(`/api/articles/${slug}\\.json`), (route) =>
      route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }),
    );
    await page.goto(`/article/${slug}`);
    await expect(page.locator('h1')).toHaveText('Page introuvable');
    await expect(page.locator('.not-found__latest li')).toHaveCount(5);
    expect(fault.hits, 'a 404 is not retried').toBe(1);
    // Once it exists, the same link shows it.
    fault.on = false;
    await page.locator('.not-found__latest').getByRole('link', { name: home().latest[0].title }).click();
    await expect(page.locator('h1')).toHaveText(home().latest[0].title);
  });

  test('slower than api.timeout_ms: timeout message; retry recovers', async ({ page }, testInfo) => {
    desktopOnly(testInfo);
    const config = baseConfig();
    config.api.timeout_ms = 800;
    await routeConfig(page, config);
    const slug = articleSlug();
    const fault = await faultOn(page, new RegExp(`/api/articles/${slug}\\.json`), late(3_000, { status: 200, contentType: 'application/json', body: '{}' }));
    await page.goto(`/article/${slug}`);
    await expectErrorView(page, FR.timeout);
    expect(fault.hits, 'a timeout is retried twice').toBe(3);
    fault.on = false;
    await retry(page);
    await expect(page.locator('h1')).toHaveText(home().lead.title);
  });

  test('not JSON (an HTML page with 200): unreadable; retry recovers', async ({ page }, testInfo) => {
    desktopOnly(testInfo);
    const fault = await faultOn(page, /\/api\/home\.json/, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><h1>Maintenance</h1>' }),
    );
    await page.goto('/');
    await expectErrorView(page, FR.badData);
    fault.on = false;
    await retry(page);
    await expect(page.locator('.card--lead .card__title')).toHaveText(home().lead.title);
  });

  test('JSON of the wrong shape: unreadable; retry recovers', async ({ page }, testInfo) => {
    desktopOnly(testInfo);
    const cat = category();
    const fault = await faultOn(page, new RegExp(`/api/categories/${cat.slug}/page/1\\.json`), (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ kind: 5, articles: 'none' }) }),
    );
    await page.goto(`/category/${cat.slug}`);
    await expectErrorView(page, FR.badData);
    fault.on = false;
    await retry(page);
    await expect(page.locator('h1')).toHaveText(cat.name);
  });

  test('in English: the same view, localized', async ({ page }, testInfo) => {
    desktopOnly(testInfo);
    const config = baseConfig();
    config.site.locale = 'en';
    await routeConfig(page, config);
    const fault = await faultOn(page, /\/api\/home\.json/, (route) =>
      route.fulfill({ status: 503, contentType: 'text/plain', body: 'Service Unavailable' }),
    );
    await page.goto('/');
    await expectErrorView(page, 'The server has a problem. Try again in a moment.', {
      title: 'This page could not be shown',
      retry: 'Try again',
    });
    fault.on = false;
    await retry(page, 'Try again');
    await expect(page.locator('.card--lead .card__title')).toHaveText(home().lead.title);
  });
});

test.describe('missing optional fields', () => {
  test.beforeEach(({}, testInfo) => desktopOnly(testInfo));

  /** Only the required keys of an article summary. */
  const bare = (a) => ({ slug: a.slug, title: a.title, category: a.category, published: a.published });

  test('an article with only its required fields renders sensibly', async ({ page }) => {
    const slug = articleSlug();
    const full = api(`articles/${slug}.json`);
    await faultOn(page, new RegExp(`/api/articles/${slug}\\.json`), (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(bare(full)) }),
    );
    await page.goto(`/article/${slug}`);
    await expect(page.locator('h1')).toHaveText(full.title);
    await expect(page.locator('.article__kicker')).toHaveText(full.category.name);
    await expect(page.locator('.article__dates time').first()).toHaveAttribute('datetime', full.published);
    await expect(page.locator('.article img')).toHaveCount(0);
    await expect(page.locator('.rail')).toHaveCount(0);
    await expect(page.locator('main')).not.toContainText(/undefined|null|NaN/);
  });

  test('a home and a listing with only required fields render sensibly', async ({ page }) => {
    const h = home();
    await faultOn(page, /\/api\/home\.json/, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ latest: h.latest.map(bare) }) }),
    );
    const cat = category();
    const listing = api(`categories/${cat.slug}/page/1.json`);
    await faultOn(page, new RegExp(`/api/categories/${cat.slug}/page/1\\.json`), (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ kind: { type: 'category', category: listing.kind.category }, articles: listing.articles.map(bare) }),
      }),
    );
    await page.goto('/');
    await expect(page.locator('.home__latest li')).toHaveCount(Math.min(6, h.latest.length));
    await expect(page.locator('.card--lead')).toHaveCount(0);
    await expect(page.locator('main')).not.toContainText(/undefined|null|NaN/);
    await page.goto(`/category/${cat.slug}`);
    await expect(page.locator('h1')).toHaveText(cat.name);
    await expect(page.locator('.card__title')).toHaveCount(listing.articles.length);
    await expect(page.locator('main img')).toHaveCount(0);
    await expect(page.locator('main')).not.toContainText(/undefined|null|NaN/);
  });
});

test.describe('images that 404', () => {
  /** The images of main in the first screen (lazy ones below never load), once settled. */
  async function imagesSettled(page) {
    const imgs = page.locator('main img');
    await expect.poll(() => imgs.evaluateAll((all) => all.filter((i) => i.getBoundingClientRect().top < innerHeight).every((i) => i.complete))).toBe(true);
    const settled = await imgs.evaluateAll((all) =>
      all.filter((i) => i.getBoundingClientRect().top < innerHeight).map((i) => {
        const r = i.getBoundingClientRect();
        return { src: i.currentSrc.slice(0, 60), natural: i.naturalWidth, ratio: r.width / r.height, attr: i.width / i.height };
      }),
    );
    expect(settled.length, 'images on the first screen').toBeGreaterThan(0);
    return settled;
  }

  test('the home keeps its layout; no broken image or spilled alt text', async ({ page }, testInfo) => {
    desktopOnly(testInfo);
    await faultOn(page, /\/media\//, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }));
    await page.goto('/');
    await expect(page.locator('.card--lead img')).toBeVisible();
    for (const img of await imagesSettled(page)) {
      expect(img.natural, `${img.src} is drawn`).toBeGreaterThan(0);
    }
    const lead = await page.locator('.card--lead img').boundingBox();
    expect(lead.width / lead.height).toBeCloseTo(16 / 9, 1);
  });

  test('an article at 360 px: the figure keeps its size, no sideways scroll', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'phone', 'a phone layout check');
    const slug = articleSlug();
    const image = api(`articles/${slug}.json`).image;
    await faultOn(page, /\/media\//, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }));
    await page.goto(`/article/${slug}`);
    const figure = page.locator('.article .figure img').first();
    await expect(figure).toBeVisible();
    await figure.scrollIntoViewIfNeeded();
    for (const img of await imagesSettled(page)) {
      expect(img.natural, `${img.src} is drawn`).toBeGreaterThan(0);
    }
    const box = await figure.boundingBox();
    expect(box.width / box.height).toBeCloseTo(image.width / image.height, 1);
    await expect(figure).toHaveAttribute('alt', image.alt);
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scroll).toBeLessThanOrEqual(client);
  });
});
