// Issue #19's site structure against the test WordPress (seed-structure.php),
// on the bundle prerendered from it (scripts/prerender-wp.sh writes
// target/dist-wp), served on E2E_PORT + 7 like wordpress.spec.mjs: nested
// categories (breadcrumb, child links), an empty category left out, HTML
// descriptions and biographies, a page tree, Arabic slugs through links and
// reloads; with JavaScript off (the prerendered page) and on (the app).
import { test, expect, expectAccessible, serveSpec, snap, watchErrors } from './helpers.mjs';

serveSpec();

const crumbs = (page) => page.locator('.breadcrumb li').allTextContents();

/** Follows a link and lands on its page (with JavaScript, the app's
 * client-side navigation, once the app has started). */
async function follow(page, js, link, url) {
  if (js) {
    await link.hover();
    await page.waitForFunction(() => window.__kiosqueStart);
  }
  await link.click();
  await expect(page).toHaveURL(url);
}

const ARABIC_CATEGORY = 'ثقافة-عربية';
const ARABIC_PAGE = 'من-نحن';

for (const js of [false, true]) {
  test.describe(js ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled: js });

    test('a deep category: breadcrumb through its parents; a parent lists its children', async ({ page }, testInfo) => {
      const errors = watchErrors(page);
      await page.goto('/category/structure-epigenetique');
      await expect(page.locator('h1')).toHaveText('Épigénétique');
      expect(await crumbs(page)).toEqual(['Accueil', 'Monde', 'Sciences', 'Génétique', 'Épigénétique']);
      await expect(page.locator('.breadcrumb [aria-current="page"]')).toHaveText('Épigénétique');
      await expect(page.locator('.card__title')).toHaveCount(2);

      await follow(page, js, page.locator('.breadcrumb').getByRole('link', { name: 'Génétique' }), /\/category\/structure-genetique$/);
      await expect(page.locator('h1')).toHaveText('Génétique');
      // The description's markup as blocks: emphasis and link kept, the hostile image gone.
      const intro = page.locator('.page-intro');
      await expect(intro.locator('strong')).toHaveText('génétique');
      await expect(intro.getByRole('link', { name: 'En savoir plus' })).toHaveAttribute('href', /wikipedia\.org/);
      await expect(intro.locator('img')).toHaveCount(0);
      const children = page.locator('.sublinks a');
      await expect(children).toHaveText(['Épigénétique']);
      if (js) await expect.poll(() => page.evaluate(() => window.__xss)).toBeUndefined();
      // axe runs in the page: with JavaScript only.
      if (js) await expectAccessible(page);
      await snap(page, testInfo, `structure-category-${js ? 'js' : 'nojs'}`);

      await page.goto('/category/monde');
      const kids = await page.locator('.sublinks a').allTextContents();
      expect(kids).toContain('Sciences');
      expect(kids).toContain('ثقافة عربية');
      expect(errors).toEqual([]);
    });

    test('an article in a deep category: its breadcrumb names every parent', async ({ page }) => {
      await page.goto('/article/structure-memoire-des-cellules');
      await expect(page.locator('h1')).toHaveText('La mémoire des cellules');
      expect(await crumbs(page)).toEqual(['Accueil', 'Monde', 'Sciences', 'Génétique', 'Épigénétique', 'La mémoire des cellules']);
      const ld = await page.locator('script[type="application/ld+json"]').allTextContents();
      const list = ld.map((t) => JSON.parse(t)).flat().find((j) => j['@type'] === 'BreadcrumbList');
      expect(list.itemListElement.map((i) => i.name)).toEqual(['Accueil', 'Monde', 'Sciences', 'Génétique', 'Épigénétique', 'La mémoire des cellules']);
    });

    test('empty categories are not in the navigation', async ({ page }) => {
      await page.goto('/');
      const nav = await page.locator('.nav__link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(nav.some((h) => h?.includes('/category/monde'))).toBe(true);
      expect(nav.filter((h) => /uncategorized|structure-vide/.test(h ?? ''))).toEqual([]);
    });

    test('a page tree: parents in the breadcrumb, children in menu order', async ({ page }, testInfo) => {
      const errors = watchErrors(page);
      await page.goto('/structure-guide');
      await expect(page.locator('h1')).toHaveText('Guide du lecteur');
      await expect(page.locator('.breadcrumb')).toHaveCount(0);
      await expect(page.locator('.sublinks a')).toHaveText(['Archives', 'Abonnement']);
      await follow(page, js, page.locator('.sublinks').getByRole('link', { name: 'Archives' }), /\/structure-archives$/);
      await expect(page.locator('h1')).toHaveText('Archives');
      expect(await crumbs(page)).toEqual(['Accueil', 'Guide du lecteur', 'Archives']);
      await expect(page.locator('.sublinks a')).toHaveText(['Anciens numéros']);
      // axe runs in the page: with JavaScript only.
      if (js) await expectAccessible(page);
      await snap(page, testInfo, `structure-page-${js ? 'js' : 'nojs'}`);
      await page.goto('/structure-anciens-numeros');
      expect(await crumbs(page)).toEqual(['Accueil', 'Guide du lecteur', 'Archives', 'Anciens numéros']);
      expect(errors).toEqual([]);
    });

    test('an author with an HTML biography', async ({ page }) => {
      await page.goto('/author/structure-auteur');
      await expect(page.locator('h1')).toHaveText('Inès Structure');
      const bio = page.locator('.author__bio');
      await expect(bio.locator('strong')).toHaveText('journaliste');
      await expect(bio.getByRole('link', { name: 'Son site' })).toBeVisible();
      await expect(bio.locator('img')).toHaveCount(0);
      // axe runs in the page: with JavaScript only.
      if (js) await expectAccessible(page);
    });

    test('Arabic slugs: links and reloads keep the page', async ({ page }) => {
      await page.goto('/category/monde');
      const arabic = new RegExp(`/category/${encodeURIComponent(ARABIC_CATEGORY)}$`, 'i');
      await follow(page, js, page.locator('.sublinks').getByRole('link', { name: 'ثقافة عربية' }), arabic);
      await expect(page.locator('h1')).toHaveText('ثقافة عربية');
      await page.reload();
      await expect(page.locator('h1')).toHaveText('ثقافة عربية');
      expect(await crumbs(page)).toEqual(['Accueil', 'Monde', 'ثقافة عربية']);
      await follow(page, js, page.locator('.card__link').first(), /\/article\//);
      await expect(page.locator('h1')).toHaveText('مقال في الثقافة');
      await page.reload();
      expect(await crumbs(page)).toEqual(['Accueil', 'Monde', 'ثقافة عربية', 'مقال في الثقافة']);

      await page.goto(`/${encodeURIComponent(ARABIC_PAGE)}`);
      await expect(page.locator('h1')).toHaveText('من نحن');
      await page.reload();
      await expect(page.locator('h1')).toHaveText('من نحن');
      // axe runs in the page: with JavaScript only.
      if (js) await expectAccessible(page);
    });
  });
}

test('WordPress\'s path of a nested page leads to its page', async ({ page }) => {
  await page.goto('/structure-guide/structure-archives/');
  await expect(page).toHaveURL(/\/structure-archives$/);
  await expect(page.locator('h1')).toHaveText('Archives');
});

// After the app has started on a prerendered listing, a click to another of
// the same kind (category → category, here through the main navigation)
// shows the new one: the hydrated page's background re-read of the first
// one, answered late by a slow WordPress, once replaced it (loader.rs).
test('with JavaScript, a click from one WordPress listing to another shows the new one', async ({ page }, testInfo) => {
  for (let i = 0; i < 5; i++) {
    await page.goto('/category/monde');
    // Phones: the navigation is a disclosure, opened first.
    if (testInfo.project.name === 'phone') await page.locator('summary.nav__toggle').click();
    const sport = page.locator('.nav__link[href="/category/sport"]');
    await sport.hover();
    await page.waitForFunction(() => window.__kiosqueStart);
    await sport.click();
    await expect(page.locator('h1')).toHaveText('Sport');
  }
});
