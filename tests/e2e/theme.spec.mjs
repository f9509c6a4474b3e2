// Colour themes: auto (the device's setting), light and dark. The choice is
// stored in localStorage and applied by the inline script in index.html
// before the stylesheet, then by the theme button in the header.
import { test, readerTest, expect, api, expectAccessible, holdRequests, notPrerendered, snap, watchErrors } from './helpers.mjs';

const KEY = 'kiosque-theme';

/** Stores a theme choice before any page script runs (every navigation). */
async function storeTheme(page, theme) {
  await page.addInitScript(
    ([key, value]) => {
      try {
        localStorage.setItem(key, value);
      } catch {
        // about:blank has no storage.
      }
    },
    [KEY, theme],
  );
}

/** "rgb(r, g, b)" → relative luminance (WCAG). */
function luminance(css) {
  const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const bodyBackground = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const storedTheme = (page) => page.evaluate((key) => localStorage.getItem(key), KEY);

test('a stored choice applies before the app runs (wasm blocked)', async ({ page }) => {
  await storeTheme(page, 'dark');
  let wasmBlocked = false;
  await page.route('**/*.wasm', (route) => {
    wasmBlocked = true;
    return route.abort();
  });
  // Not prerendered: without the wasm, only the shell is there.
  await notPrerendered(page, '/page/2');
  await page.goto('/page/2');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(luminance(await bodyBackground(page)), 'dark body').toBeLessThan(0.05);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
  // The loader asks for the wasm after config.json: wait for that request
  // (the theme above is applied before it).
  await expect.poll(() => wasmBlocked).toBe(true);
  await expect(page.locator('.site-header')).toHaveCount(0);
});

test('a chosen light theme wins over a dark device setting, before the app runs', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await storeTheme(page, 'light');
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(luminance(await bodyBackground(page)), 'light body').toBeGreaterThan(0.9);
});

test('printing uses the light palette whatever the theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
  await storeTheme(page, 'dark');
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const color = await page.evaluate(() => getComputedStyle(document.body).color);
  expect(luminance(color), 'dark text on paper').toBeLessThan(0.05);
  expect(luminance(await bodyBackground(page)), 'white paper').toBeGreaterThan(0.9);
});

test('the button cycles auto → light → dark → auto, stores the choice, and it survives a reload', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/');
  await expect(page.locator('.card--lead')).toBeVisible();
  const html = page.locator('html');
  const button = page.getByRole('button', { name: /^Thème\s:/ });
  const expectState = async (state, name, stored, dark) => {
    // The state's icon, and its name in the button's accessible name.
    await expect(page.locator(`.theme-toggle__${state}`)).toBeVisible();
    await expect(button).toHaveAccessibleName(name);
    if (stored) await expect(html).toHaveAttribute('data-theme', stored);
    else await expect(html).not.toHaveAttribute('data-theme');
    expect(await storedTheme(page)).toBe(stored);
    expect(luminance(await bodyBackground(page)) < 0.05, `${state}: dark body`).toBe(dark);
  };

  await expect(button).toHaveAttribute('type', 'button');
  await expectState('auto', 'Thème\u202F: Auto. Passer au thème clair', null, false);
  await button.click();
  await expectState('light', 'Thème\u202F: Clair. Passer au thème sombre', 'light', false);
  await button.click();
  await expectState('dark', 'Thème\u202F: Sombre. Suivre le réglage de l’appareil', 'dark', true);

  await page.reload();
  await expect(page.locator('.card--lead')).toBeVisible();
  await expectState('dark', 'Thème\u202F: Sombre. Suivre le réglage de l’appareil', 'dark', true);

  await button.click();
  await expectState('auto', 'Thème\u202F: Auto. Passer au thème clair', null, false);
  // Auto follows the device.
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(luminance(await bodyBackground(page)), 'auto on a dark device').toBeLessThan(0.05);

  await page.reload();
  await expect(page.locator('.card--lead')).toBeVisible();
  await expect(page.locator('.theme-toggle__auto')).toBeVisible();
  await expect(html).not.toHaveAttribute('data-theme');
  expect(errors).toEqual([]);
});

readerTest('before the app, the button shows the stored choice, and a click on it is made once the app runs', async ({ page }) => {
  await storeTheme(page, 'dark');
  const release = await holdRequests(page, '**/*.wasm');
  const errors = watchErrors(page);
  await page.goto('/');
  const button = page.getByRole('button', { name: /^Thème\s:/ });
  // The stored choice, not "auto": the page is the same for every reader,
  // the stylesheet shows the state <html> is in.
  await expect(button).toHaveAccessibleName('Thème\u202F: Sombre. Suivre le réglage de l’appareil');
  await expect(page.locator('.theme-toggle__dark')).toBeVisible();
  await button.click();
  await expect(button).toHaveAttribute('aria-busy', 'true');
  expect(await storedTheme(page)).toBe('dark');
  release();
  // Made once: dark → auto (twice would be light).
  await expect(page.locator('html')).not.toHaveAttribute('data-theme');
  await expect(button).toHaveAccessibleName('Thème\u202F: Auto. Passer au thème clair');
  expect(await storedTheme(page)).toBeNull();
  await expect(button).not.toHaveAttribute('aria-busy');
  expect(errors).toEqual([]);
});

test('the state is visible on the button from 480 px', async ({ page }, testInfo) => {
  await storeTheme(page, 'dark');
  await page.goto('/');
  // One state's name shown, the one <html> is in.
  const state = page.locator('.theme-toggle__state').filter({ visible: true });
  if (testInfo.project.name === 'desktop') await expect(state).toHaveText('Sombre');
  else await expect(state).toHaveCount(0);
  await expect(page.locator('.theme-toggle__dark')).toBeVisible();
  await expect(page.locator('.theme-toggle__light')).toBeHidden();
});

// light and dark from the device (auto), and each chosen against the device.
const SCHEMES = [
  { name: 'light', device: 'light', stored: null, dark: false },
  { name: 'dark', device: 'dark', stored: null, dark: true },
  { name: 'dark-chosen', device: 'light', stored: 'dark', dark: true },
  { name: 'light-chosen', device: 'dark', stored: 'light', dark: false },
];

for (const scheme of SCHEMES) {
  test(`home, article and search are accessible in ${scheme.name}`, async ({ page }, testInfo) => {
    const errors = watchErrors(page);
    await page.emulateMedia({ colorScheme: scheme.device });
    if (scheme.stored) await storeTheme(page, scheme.stored);
    const isDark = async () => luminance(await bodyBackground(page)) < 0.05;

    await page.goto('/');
    await expect(page.locator('.card--lead')).toBeVisible();
    await expect(page.locator(`.theme-toggle__${scheme.stored ?? 'auto'}`)).toBeVisible();
    expect(await isDark(), 'body background').toBe(scheme.dark);
    await expectAccessible(page);
    await snap(page, testInfo, `home-${scheme.name}`);

    const lead = api('home.json').lead;
    await page.goto(`/article/${lead.slug}`);
    await expect(page.locator('.article__title')).toHaveText(lead.title);
    expect(await isDark(), 'body background').toBe(scheme.dark);
    await expectAccessible(page);
    await snap(page, testInfo, `article-${scheme.name}`);

    // Highlighted matches (mark) in the results.
    const word = lead.title.split(/[^\p{L}\p{N}]+/u).sort((a, b) => b.length - a.length)[0].toLowerCase();
    await page.goto(`/search?q=${encodeURIComponent(word)}`);
    await expect(page.locator('.search-result mark').first()).toBeVisible();
    await expectAccessible(page);
    if (scheme.name === 'dark') await snap(page, testInfo, 'search-dark');
    expect(errors).toEqual([]);
  });
}

for (const scheme of SCHEMES.slice(0, 2)) {
  test(`focus rings, control borders and placeholders contrast in ${scheme.name}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme.device });
    await page.goto('/');
    await expect(page.locator('.card--lead')).toBeVisible();
    // [element, the background it sits on]
    const ringOn = async (selector, backgroundSelector) => {
      const el = page.locator(selector).filter({ visible: true }).first();
      await el.focus();
      return el.evaluate((e, bg) => {
        const outline = getComputedStyle(e).outlineColor;
        const back = getComputedStyle(e.closest(bg)).backgroundColor;
        return [outline, back, e.matches(':focus-visible')];
      }, backgroundSelector);
    };
    for (const [selector, bg] of [
      ['.theme-toggle', '.site-header'],
      ['#site-search', '.site-header'],
      ['.nav__toggle, .nav__link', '.nav'],
      ['.card__link', 'body'],
      ['.site-footer a', '.site-footer'],
    ]) {
      const [outline, back, visible] = await ringOn(selector, bg);
      expect(visible, `${selector} shows a focus ring`).toBe(true);
      expect(contrast(outline, back), `${selector} focus ring ${outline} on ${back}`).toBeGreaterThanOrEqual(3);
    }
    const [inputBorder, toggleBorder, placeholder, paper] = await page.evaluate(() => [
      getComputedStyle(document.querySelector('#site-search')).borderTopColor,
      getComputedStyle(document.querySelector('.theme-toggle')).borderTopColor,
      getComputedStyle(document.querySelector('#site-search'), '::placeholder').color,
      getComputedStyle(document.querySelector('.site-header')).backgroundColor,
    ]);
    expect(contrast(inputBorder, paper), 'search box border').toBeGreaterThanOrEqual(3);
    expect(contrast(toggleBorder, paper), 'theme button border').toBeGreaterThanOrEqual(3);
    expect(contrast(placeholder, paper), 'placeholder text').toBeGreaterThanOrEqual(4.5);
  });
}

test('skeletons take the dark palette while content loads', async ({ page }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  // Hold the data of a page that is not prerendered, so its skeleton stays up.
  await page.route('**/api/latest/**', () => {});
  await notPrerendered(page, '/page/2');
  await page.goto('/page/2');
  const block = page.locator('.skeleton__block').first();
  await expect(block).toBeVisible();
  const [skeleton, body] = await block.evaluate((e) => [
    getComputedStyle(e).backgroundColor,
    getComputedStyle(document.body).backgroundColor,
  ]);
  expect(luminance(skeleton), 'a dark skeleton').toBeLessThan(0.05);
  expect(contrast(skeleton, body), 'the skeleton shows on the page').toBeGreaterThan(1.1);
  await snap(page, testInfo, 'home-loading-dark');
});
