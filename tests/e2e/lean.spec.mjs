// The lean first view (issue 17): a prerendered page is a complete web page
// before any script runs, and the app arrives only when the reader shows
// intent. Pages load here as a reader gets them: no `eager` start.
import { readerTest as test, expect, api, holdRequests, holdsFor, watchErrors } from './helpers.mjs';

const lead = () => api('home.json').lead;
/** A demo article with an embed (a map) in its body. */
const EMBED = 'tunisie-dessalement-sfax-epreuve-saison-seche';

/** Every request the page makes, by URL. */
function requests(page) {
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

const appRuns = (page) => page.evaluate(() => document.documentElement.hasAttribute('data-app'));
const wasmIn = (urls) => urls.filter((u) => u.endsWith('.wasm'));
const dataIn = (urls) => urls.filter((u) => u.includes('/page-data/'));

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the home and an article read in full, and links navigate', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('.card--lead .card__title')).toHaveText(lead().title);
    await page.locator('.card--lead .card__link').click();
    await expect(page).toHaveURL(new RegExp(`/article/${lead().slug}$`));
    await expect(page.locator('h1')).toHaveText(lead().title);
    // The body, the byline and the hero image are all there.
    await expect(page.locator('.article .prose p').first()).toBeVisible();
    await expect(page.locator('.byline a').first()).toBeVisible();
    const hero = page.locator('.article img').first();
    await hero.scrollIntoViewIfNeeded();
    await expect.poll(() => hero.evaluate((img) => img.complete && img.naturalWidth > 0)).toBe(true);
    // Back to a category through the breadcrumb: a normal page load.
    await page.locator('.breadcrumb a').nth(1).click();
    await expect(page).toHaveURL(/\/category\//);
    await expect(page.locator('.card').first()).toBeVisible();
  });

  test('the menu opens and closes without the app', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'phone', 'the menu is a disclosure below 768 px');
    await page.goto('/');
    const list = page.locator('#nav-list');
    await expect(list).toBeHidden();
    await page.locator('summary.nav__toggle').click();
    await expect(list).toBeVisible();
    await page.locator('summary.nav__toggle').click();
    await expect(list).toBeHidden();
    await page.locator('summary.nav__toggle').click();
    await list.locator('a').nth(1).click();
    await expect(page).toHaveURL(/\/category\//);
  });

  test('the navigation is always shown on wide screens', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name === 'phone', 'wide screens only');
    await page.goto('/');
    await expect(page.locator('summary.nav__toggle')).toBeHidden();
    await expect(page.locator('#nav-list a').nth(1)).toBeVisible();
  });

  test('the search form submits a GET to the search page', async ({ page }) => {
    await page.goto('/');
    const box = page.locator('#site-search');
    await box.fill('eau');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/search\?q=eau$/);
  });

  test('no control is shown that only the app can run', async ({ page }) => {
    await page.goto(`/article/${EMBED}`);
    for (const control of ['.theme-toggle', '.share__copy', '.embed__load']) {
      await expect(page.locator(control)).toBeHidden();
    }
    // Plain share links work without it, and the embed's own page is linked.
    await expect(page.locator('.share__link[href^="mailto:"]')).toBeVisible();
    await expect(page.locator('.embed__caption a')).toBeVisible();
  });

  for (const colorScheme of ['light', 'dark']) {
    test(`the theme follows the device (${colorScheme})`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false, colorScheme });
      const page = await context.newPage();
      await page.goto('/');
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [r, g, b] = background.match(/\d+/g).map(Number);
      const light = (r + g + b) / 3 > 128;
      expect(light, background).toBe(colorScheme === 'light');
      await context.close();
    });
  }
});

test.describe('with JavaScript', () => {
  test('a prerendered article fetches no wasm until the reader shows intent', async ({ page }) => {
    const urls = requests(page);
    await page.goto(`/article/${lead().slug}`);
    await page.waitForLoadState('load');
    // The largest paint is there: the hero is decoded.
    await page.locator('.article img').first().evaluate((img) => img.decode());
    await page.waitForTimeout(1000);
    expect(wasmIn(urls)).toEqual([]);
    // Nor the page's hydration data: the first view's bandwidth goes to the page.
    expect(dataIn(urls)).toEqual([]);
    expect(await page.evaluate(() => window.__kiosqueStart)).toBeUndefined();
    // Scrolling is not intent.
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(300);
    expect(wasmIn(urls)).toEqual([]);
    // A pointer resting on a link is.
    await page.locator('.breadcrumb a').first().hover();
    await expect.poll(() => wasmIn(urls).length).toBe(1);
    expect(dataIn(urls)).toHaveLength(1);
    // A static-source site loads the static bundle only: no WordPress code.
    expect(urls.filter((u) => /kiosque-wordpress-/.test(u))).toEqual([]);
    await page.waitForFunction(() => window.__kiosqueStart);
    expect(await page.evaluate(() => window.__kiosqueStart)).toBe('hydrated');
    await expect(page.locator('.theme-toggle')).toBeVisible();
  });

  test('a key press starts the app too (keyboard readers)', async ({ page }) => {
    const urls = requests(page);
    await page.goto('/');
    await page.waitForTimeout(500);
    expect(wasmIn(urls)).toEqual([]);
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => window.__kiosqueStart);
    expect(await page.evaluate(() => window.__kiosqueStart)).toBe('hydrated');
  });

  test('what a reader types in the search box before the app survives its hydration', async ({ page }) => {
    const release = await holdRequests(page, '**/*.wasm');
    await page.goto(`/article/${lead().slug}`);
    const box = page.locator('header input[type=search]');
    // Focus in the box is intent: the app is asked for, and comes mid-typing.
    await box.fill('tunis');
    expect(await page.evaluate(() => window.__kiosqueStart)).toBeUndefined();
    release();
    await page.waitForFunction(() => window.__kiosqueStart === 'hydrated');
    await holdsFor(500, async () => expect(await box.inputValue()).toBe('tunis'));
    await box.pressSequentially('ie');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/search\?q=tunisie/);
    // The search page's box shows the query.
    await expect(page.locator('#search-page-q')).toHaveValue('tunisie');
  });

  test('a click before the app is a normal page load, never lost nor doubled', async ({ page }) => {
    // The app's wasm is slow to come: the click lands first.
    let release;
    const held = new Promise((r) => (release = r));
    await page.route('**/*.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/');
    await page.evaluate(() => {
      window.__sameDocument = true;
    });
    const navigations = [];
    page.on('framenavigated', (f) => f === page.mainFrame() && navigations.push(f.url()));
    await page.locator('.card--lead .card__link').click();
    await expect(page).toHaveURL(new RegExp(`/article/${lead().slug}$`));
    await expect(page.locator('h1')).toHaveText(lead().title);
    // A new document (the prerendered article), reached once.
    expect(await page.evaluate(() => window.__sameDocument)).toBeUndefined();
    expect(navigations.filter((u) => u.includes(`/article/${lead().slug}`))).toHaveLength(1);
    // The reader showed intent: the article starts the app by itself (from
    // the HTTP cache), with no second gesture, and client routing takes over.
    release();
    await page.waitForFunction(() => window.__kiosqueStart);
    expect(await page.evaluate(() => window.__kiosqueStart)).toBe('hydrated');
  });

  test('a button only the app can run, clicked before it, is held and clicked once when it runs', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const release = await holdRequests(page, '**/*.wasm');
    await page.goto(`/article/${EMBED}`);
    const errors = watchErrors(page);
    // Shown before the app, not dimmed: the reader may use it at once.
    const load = page.locator('.embed__load');
    await expect(load).toBeVisible();
    await load.click();
    // Held: marked busy, nothing loaded, the page not reloaded.
    await expect(load).toHaveAttribute('aria-busy', 'true');
    await expect(page.locator('.embed iframe')).toHaveCount(0);
    expect(await appRuns(page)).toBe(false);
    // A second click on it while it waits is the same click. A click on
    // another such button is the reader changing their mind: the last one
    // is made.
    await load.click();
    const copy = page.locator('.share__copy');
    await copy.click();
    await expect(copy).toHaveAttribute('aria-busy', 'true');
    await expect(load).not.toHaveAttribute('aria-busy');
    release();
    await expect(page.locator('.share__status')).toHaveText('Lien copié');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
    await expect(copy).not.toHaveAttribute('aria-busy');
    await holdsFor(500, async () => expect(await page.locator('.embed iframe').count()).toBe(0));
    // Once the app runs, the button is the app's own.
    await load.click();
    await expect(page.locator('.embed iframe')).toHaveCount(1);
    expect(errors).toEqual([]);
  });

  test('a held click is made once, even clicked twice', async ({ page }) => {
    const release = await holdRequests(page, '**/*.wasm');
    await page.goto(`/article/${EMBED}`);
    const load = page.locator('.embed__load');
    await load.click();
    await load.click();
    await expect(load).toHaveAttribute('aria-busy', 'true');
    release();
    // One iframe: the embed loaded once, its button gone.
    await expect(page.locator('.embed iframe')).toHaveCount(1);
    await expect(page.locator('.embed__load')).toHaveCount(0);
  });

  test('pages that are not prerendered start the app at once', async ({ page }) => {
    await page.goto('/search?q=eau');
    await page.waitForFunction(() => window.__kiosqueStart);
    expect(await page.evaluate(() => window.__kiosqueStart)).toBe('rendered');
    await expect(page.locator('.search-page .card__link').first()).toBeVisible();
  });
});

// Speculation rules (index.html): a link the reader rests on has its page
// prefetched, so a click before the app arrives loads it from that prefetch.
// The rules are inline: the policy must allow them (by hash), or Chrome
// drops them with a violation report and nothing else.
test('a hovered link is prefetched before the app, within the policy', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'hover is a pointer gesture');
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.sample}`));
  });
  // The app never arrives here: the click has to be a page load.
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto('/');
  const rules = await page.evaluate(() => ({
    supported: HTMLScriptElement.supports?.('speculationrules') ?? false,
    texts: [...document.querySelectorAll('script[type="speculationrules"]')].map((s) => s.textContent),
  }));
  expect(rules.supported).toBe(true);
  expect(rules.texts).toHaveLength(1);
  expect(Object.keys(JSON.parse(rules.texts[0]))).toEqual(['prefetch']);
  const link = page.locator('.card--lead .card__link');
  // "moderate": the prefetch starts after 200 ms of hover; the click waits
  // for it to have arrived.
  const prefetched = page.waitForEvent(
    'requestfinished',
    (r) => r.url().endsWith(`/article/${lead().slug}`) && /prefetch/.test(r.headers()['sec-purpose'] ?? ''),
  );
  await link.hover();
  await prefetched;
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/article/${lead().slug}$`));
  await expect(page.locator('h1')).toHaveText(lead().title);
  const delivery = await page.evaluate(() => performance.getEntriesByType('navigation')[0].deliveryType);
  expect(delivery).toBe('navigational-prefetch');
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
});

// Once the app runs, the router handles clicks: the rules go (boot.rs), so a
// hover no longer prefetches a document the router would never use (and the
// service worker would cache).
test('once the app has started, a hovered link prefetches nothing', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'hover is a pointer gesture');
  const prefetches = [];
  page.on('request', async (r) => {
    if ((await r.allHeaders().catch(() => ({})))['sec-purpose']?.includes('prefetch')) prefetches.push(r.url());
  });
  await page.goto('/');
  await page.keyboard.press('Tab'); // intent: the app comes
  await page.waitForFunction(() => window.__kiosqueStart === 'hydrated');
  expect(await page.locator('script[type="speculationrules"]').count()).toBe(0);
  prefetches.length = 0;
  const link = page.locator('.card--lead .card__link');
  await link.hover();
  await page.waitForTimeout(800); // past "moderate"'s 200 ms
  expect(prefetches).toEqual([]);
  await link.click();
  await expect(page.locator('h1')).toHaveText(lead().title);
  // A client-side route change: the page was never loaded again.
  expect(await page.evaluate(() => performance.getEntriesByType('navigation')[0].name)).toMatch(/\/$/);
});

