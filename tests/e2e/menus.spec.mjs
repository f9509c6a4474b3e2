// The editors' menus (issue 20 item 2): config.json's `site.nav` and
// `site.footer_nav` (WordPress's menus arrive the same way through the export:
// scripts/export-wp.sh checks them in the prerendered HTML). Submenus are
// <details>: touch, click and keyboard open them; the app adds Escape.
import { test, expect, expectAccessible, snap } from './helpers.mjs';
import { baseConfig, routeConfig } from './fault-helpers.mjs';

const nav = [
  { label: 'Maghreb', url: '/category/maghreb', children: [{ label: 'Eau', url: '/tag/eau' }, { label: 'À propos', url: '/a-propos' }] },
  { label: 'Dossiers', children: [{ label: 'Économie', url: '/category/economie' }] },
  { label: 'Agence partenaire', url: 'https://agence.example/depeches' },
];
const footerNav = [{ label: 'Charte éditoriale', url: 'https://agence.example/charte' }];

test.beforeEach(async ({ page }) => {
  const config = baseConfig();
  await routeConfig(page, { ...config, site: { ...config.site, nav, footer_nav: footerNav } });
});

/** Opens the phone menu when the navigation is a disclosure. The page was
 * prerendered with another config: the app renders it again first. */
async function showNav(page, testInfo) {
  await page.waitForFunction(() => window.__kiosqueStart);
  if (testInfo.project.name === 'phone') await page.locator('summary.nav__toggle').click();
}

test('the menu replaces the categories, with submenus by touch or click', async ({ page }, testInfo) => {
  await page.goto('/');
  await showNav(page, testInfo);
  const list = page.locator('#nav-list');
  await expect(list.locator('> li > .nav__link').first()).toHaveText('Maghreb');
  await expect(list.locator('a[href="/category/culture"]')).toHaveCount(0);
  // An outside link is a plain link.
  await expect(list.locator('a[href="https://agence.example/depeches"]')).toBeVisible();
  const sub = list.locator('.nav__sub').first();
  await expect(sub.locator('a[href="/tag/eau"]')).toBeHidden();
  await sub.locator('summary').click();
  await expect(sub.locator('a[href="/tag/eau"]')).toBeVisible();
  await snap(page, testInfo, 'menu-open');
  await expectAccessible(page);
  // A parent without a link opens its submenu by its label.
  const bare = list.locator('.nav__sub--bare');
  await bare.locator('summary').click();
  await expect(bare.locator('a[href="/category/economie"]')).toBeVisible();
  // Following a link reaches the page (client routing) and closes the menu.
  await sub.locator('a[href="/tag/eau"]').click();
  await expect(page).toHaveURL(/\/tag\/eau$/);
  await expect(page.locator('h1')).toBeVisible();
  // The footer's menu.
  await expect(page.locator('.site-footer__nav a[href="https://agence.example/charte"]')).toHaveText('Charte éditoriale');
});

test('a submenu works from the keyboard; Escape closes it and returns focus', async ({ page }, testInfo) => {
  await page.goto('/');
  await showNav(page, testInfo);
  const toggle = page.locator('#nav-list .nav__sub').first().locator('summary');
  await toggle.focus();
  await page.keyboard.press('Enter');
  const eau = page.locator('#nav-list a[href="/tag/eau"]');
  await expect(eau).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(eau).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(eau).toBeHidden();
  await expect(toggle).toBeFocused();
  // The toggle is named after its parent for screen readers.
  await expect(toggle).toHaveAccessibleName(/Maghreb\s*: sous-menu/);
});

test('nothing scrolls sideways at 320 px with the menu open', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'phones only');
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/');
  await showNav(page, testInfo);
  for (const s of await page.locator('#nav-list .nav__sub summary').all()) await s.click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});
