// Reader behaviour: focus and announcements on navigation, scroll
// restoration, the related rail, share links, keyboard-only reading.
import { test, expect, api, expectAccessible, snap, holdRequests, holdsFor } from './helpers.mjs';

const home = () => api('home.json');

test('client navigation moves focus to the new h1 and announces it', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.card--lead')).toBeVisible();
  // A client navigation needs the app: a click before it is a page load.
  await page.waitForFunction(() => window.__kiosqueStart);
  const target = home().latest[0];
  await page.locator('.home__latest').getByRole('link', { name: target.title, exact: true }).click();
  await expect(page.locator('h1')).toHaveText(target.title);
  await expect(page.locator('h1')).toBeFocused();
  await expect(page.locator('[role=status][aria-live=polite]').first()).toHaveText(target.title);
});

test('a reader typing in the header search while a slow page loads keeps the caret', async ({ page }) => {
  await page.goto('/');
  await page.waitForFunction(() => window.__kiosqueStart);
  const target = home().latest[0];
  const release = await holdRequests(page, `**/api/articles/${target.slug}.json`);
  await page.locator('.home__latest').getByRole('link', { name: target.title, exact: true }).click();
  const search = page.locator('header input[type=search]');
  await search.focus();
  await search.pressSequentially('tun');
  release();
  await expect(page.locator('h1')).toHaveText(target.title);
  await holdsFor(500, async () => expect(await search.evaluate((el) => el === document.activeElement)).toBe(true));
  await search.pressSequentially('isie');
  await expect(search).toHaveValue('tunisie');
  // Submitting is the end of typing: the results' heading takes focus.
  await search.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=tunisie/);
  await expect(page.locator('main h1')).toBeFocused();
});

test('back restores the scroll position; a new page starts at the top', async ({ page }) => {
  // The reader scrolls the prerendered home before the app starts (the wasm
  // is held back): that position must still be the one back returns to.
  const release = await holdRequests(page, /_bg\.wasm$/);
  await page.goto('/');
  await expect(page.locator('.home-section').last()).toBeVisible();
  const link = page.locator('.home-section').last().locator('.card__link').first();
  await link.scrollIntoViewIfNeeded();
  const before = await page.evaluate(() => window.scrollY);
  expect(before).toBeGreaterThan(300);
  release();
  await page.waitForFunction(() => window.__kiosqueStart);
  await link.click();
  await expect(page.locator('.article__title')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeLessThan(50);
  // The reader reads a little of the article before going back.
  await page.mouse.wheel(0, 600);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
  const read = await page.evaluate(() => window.scrollY);
  await page.goBack();
  await expect(page.locator('.home-section').last()).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before - 80);
  // And it stays there: the browser's own restore (of the position it saved
  // when the article's URL was pushed) must not land afterwards; back is not
  // a new page, so focus does not go to the h1.
  await holdsFor(1000, async () => {
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(before - 80);
    expect(await page.evaluate(() => document.activeElement?.matches('main h1') ?? false)).toBe(false);
  });
  // Forward returns to where the reader left the article.
  await page.goForward();
  await expect(page.locator('.article__title')).toBeAttached();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(read - 80);
  await holdsFor(1000, async () => expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(read - 80));
});

test('a back between two places of one page is not taken for the next page\'s', async ({ page }) => {
  const slug = home().lead.slug;
  await page.goto(`/article/${slug}`);
  await page.waitForFunction(() => window.__kiosqueStart);
  // An in-page link (a footnote, say), then back: the page stays, no new one is shown.
  await page.evaluate(() => {
    location.hash = 'commentaires';
  });
  await expect(page).toHaveURL(/#commentaires$/);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/article/${slug}$`));
  // The next page clicked to is a new page: its top, its h1 focused.
  const rail = page.locator('.rail a.card__link').first();
  const title = (await rail.textContent()).trim();
  await rail.click();
  await expect(page.locator('h1')).toHaveText(title);
  await expect(page.locator('h1')).toBeFocused();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeLessThan(50);
});

test('the article has dates, share links, copy-link feedback and the related rail', async ({ page, context }, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const slug = home().lead.slug;
  const article = api(`articles/${slug}.json`);
  await page.goto(`/article/${slug}`);
  await expect(page.locator('.article__dates time').first()).toHaveAttribute('datetime', article.published);
  await expect(page.locator('.article__dates time').first()).toContainText('Publié le');
  for (const name of ['X', 'Facebook', 'WhatsApp', 'LinkedIn']) {
    await expect(page.locator('.share').getByRole('link', { name: new RegExp(name) })).toHaveAttribute('href', /^https:\/\//);
  }
  await page.getByRole('button', { name: 'Copier le lien' }).click();
  await expect(page.locator('.share__status')).toHaveText('Lien copié');
  const rail = page.locator('.rail');
  await expect(rail.getByRole('heading', { name: 'Vous aimerez aussi' })).toBeVisible();
  const railSlugs = await rail.locator('a.card__link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(railSlugs.length).toBeGreaterThan(0);
  expect(railSlugs.length).toBeLessThanOrEqual(6);
  expect(railSlugs).not.toContain(`/article/${slug}`);
  // Items of a custom type join the rail only when config.json allows it
  // (`in_related`), and link to their type's pages.
  const types = new Map((api('../config.json').post_types || []).map((t) => [t.rest_base, t]));
  const expected = article.related
    .filter((r) => r.slug !== slug && (!r.post_type || types.get(r.post_type)?.in_related))
    .slice(0, 6)
    .map((r) => (r.post_type ? `/${types.get(r.post_type).prefix}/${r.slug}` : `/article/${r.slug}`));
  expect(railSlugs).toEqual(expected);
  await snap(page, testInfo, 'article-full');
  await expectAccessible(page);
});

test('keyboard only: home → article → into the rail → back', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.card--lead')).toBeVisible();
  // The skip link comes first and lands in main.
  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();
  const lead = home().lead;
  // Enter on a link opens it by the app only once the app is there.
  await page.waitForFunction(() => window.__kiosqueStart);
  // Tab until the lead story's title link has focus, then open it.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.locator('.card--lead .card__link').evaluate((el) => el === document.activeElement)) break;
  }
  await expect(page.locator('.card--lead .card__link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText(lead.title);
  await expect(page.locator('h1')).toBeFocused();
  // Tab forward into the rail.
  let inRail = false;
  for (let i = 0; i < 80 && !inRail; i++) {
    await page.keyboard.press('Tab');
    inRail = await page.evaluate(() => !!document.activeElement?.closest('.rail'));
  }
  expect(inRail).toBe(true);
  const href = await page.evaluate(() => document.activeElement.getAttribute('href'));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.locator('h1')).toBeFocused();
  // Back (the browser's own control; headless Chromium ignores Alt+Left).
  await page.goBack();
  await expect(page.locator('h1')).toHaveText(lead.title);
  // Once the page is shown (the live region says so), keyboard reading goes
  // on from there: Tab reaches a control.
  await expect(page.locator('[role=status][aria-live=polite]').first()).toHaveText(lead.title);
  await page.keyboard.press('Tab');
  expect(['A', 'BUTTON', 'INPUT']).toContain(await page.evaluate(() => document.activeElement?.tagName));
});

test('the mobile menu is a disclosure: it opens before the app, and Escape closes it and returns focus', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'the toggle exists below 768 px');
  await page.goto('/');
  // A <details>: it works whether or not the app has started.
  const menu = page.locator('details.nav__menu');
  const toggle = menu.locator('summary');
  await expect(menu).not.toHaveAttribute('open', '');
  await expect(page.locator('#nav-list')).toBeHidden();
  await toggle.click();
  await expect(menu).toHaveAttribute('open', '');
  const first = page.locator('#nav-list a').nth(1);
  await expect(first).toBeVisible();
  // Escape is the app's enhancement.
  await page.waitForFunction(() => window.__kiosqueStart);
  await first.focus();
  await page.keyboard.press('Escape');
  await expect(menu).not.toHaveAttribute('open', '');
  await expect(toggle).toBeFocused();
  // Following a link closes it too.
  await toggle.click();
  await first.click();
  await expect(page).toHaveURL(/\/category\//);
  await expect(menu).not.toHaveAttribute('open', '');
});

test('the 404 view offers search and the latest articles', async ({ page }, testInfo) => {
  await page.goto('/article/introuvable-000');
  await expect(page.locator('h1')).toHaveText('Page introuvable');
  await expect(page.locator('#not-found-q')).toBeVisible();
  await expect(page.locator('.not-found__latest li')).toHaveCount(5);
  await snap(page, testInfo, 'not-found');
  await expectAccessible(page);
});

test('home shows the most-read list, numbered, top 5', async ({ page }) => {
  await page.goto('/');
  const items = page.locator('.most-read__list li');
  await expect(items).toHaveCount(5);
  await expect(items.first()).toHaveText(api('most-read.json').articles[0].title);
});
