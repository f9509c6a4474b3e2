// Custom post types (issue 20 item 5): the demo's "videos" type under
// /video (public/config.json's post_types; content/types/videos/) on the
// static release bundle, and the test WordPress's "video" type
// (mu-plugins/kiosque-cpt.php, seed-cpt.php) on its prerender
// (scripts/prerender-wp.sh, target/dist-wp, served on E2E_PORT + 7): the
// listing with its pages, an item with the type's breadcrumb, the header's
// link, a missing item; with JavaScript off (the prerendered page) and on.
import { test, expect, expectAccessible, serveSpec, snap, watchErrors, api } from './helpers.mjs';

const crumbs = (page) => page.locator('.breadcrumb li').allTextContents();

async function follow(page, js, link, url) {
  if (js) {
    await link.hover();
    await page.waitForFunction(() => window.__kiosqueStart);
  }
  await link.click();
  await expect(page).toHaveURL(url);
}

test.describe('static bundle', () => {
  const first = api('types/videos/page/1.json');
  const second = api('types/videos/page/2.json');
  for (const js of [false, true]) {
    test.describe(js ? 'with JavaScript' : 'without JavaScript', () => {
      test.use({ javaScriptEnabled: js });

      test('the header leads to the listing, which pages through the items', async ({ page }, testInfo) => {
        const errors = watchErrors(page);
        await page.goto('/');
        const nav = page.locator('#nav-list');
        if (testInfo.project.name === 'phone') await page.locator('.nav__toggle').click();
        await follow(page, js, nav.getByRole('link', { name: 'Vidéos' }), /\/video$/);
        await expect(page.locator('h1')).toHaveText('Vidéos');
        const titles = page.locator('.card__title a');
        await expect(titles).toHaveCount(first.articles.length);
        await expect(titles.first()).toHaveText(first.articles[0].title);
        await expect(titles.first()).toHaveAttribute('href', `/video/${first.articles[0].slug}`);
        if (js) await expectAccessible(page);
        await snap(page, testInfo, `cpt-listing-${js ? 'js' : 'nojs'}`);
        await follow(page, js, page.locator('.pagination').getByRole('link', { name: /suivante/ }), /\/video\/page\/2$/);
        await expect(page.locator('.card__title a')).toHaveText(second.articles.map((a) => a.title));
        expect(errors).toEqual([]);
      });

      test('an item reads like an article under the type’s breadcrumb', async ({ page }, testInfo) => {
        const errors = watchErrors(page);
        const item = first.articles[0];
        await page.goto('/video');
        await follow(page, js, page.locator('.card__title a').first(), new RegExp(`/video/${item.slug}$`));
        await expect(page.locator('h1')).toHaveText(item.title);
        expect(await crumbs(page)).toEqual(['Accueil', 'Vidéos', item.title]);
        await expect(page.locator('.article__kicker')).toHaveText('Vidéos');
        await expect(page.locator('.article__kicker')).toHaveAttribute('href', '/video');
        await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', new RegExp(`/video/${item.slug}$`));
        await expect(page.locator('.article__body, .article').first()).toContainText('Driss');
        await expect(page.locator('#comments')).toHaveCount(0);
        if (js) await expectAccessible(page);
        await snap(page, testInfo, `cpt-item-${js ? 'js' : 'nojs'}`);
        await follow(page, js, page.locator('.breadcrumb').getByRole('link', { name: 'Vidéos' }), /\/video$/);
        expect(errors).toEqual([]);
      });
    });
  }

  test('a listing’s /page/1 goes to the listing, as a category’s does', async ({ page }) => {
    for (const from of ['/video/page/1', '/video/page/1/', '/video/', '/video?page=1']) {
      await page.goto(from);
      await expect(page).toHaveURL(/\/video$/);
      await expect(page.locator('h1')).toHaveText('Vidéos');
    }
  });

  test('a type without in_related stays out of the articles’ rails', async ({ page }) => {
    // The demo's API ranks this video in the article's list; its config keeps videos out.
    const slug = 'exposition-six-photographes-paysages-cote-a-cote';
    const listed = api(`articles/${slug}.json`).related;
    expect(listed.some((r) => r.post_type === 'videos')).toBe(true);
    await page.goto(`/article/${slug}`);
    const hrefs = await page.locator('.rail a.card__link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(listed.filter((r) => !r.post_type).slice(0, 6).map((r) => `/article/${r.slug}`));
  });

  test('searching a video’s title finds it, at its own URL', async ({ page }) => {
    const item = 'festival-gnaoua-essaouira-repetition-generale';
    await page.goto('/search?q=gnaoua%20r%C3%A9p%C3%A9tition');
    const link = page.locator(`.search-result a.card__link[href="/video/${item}"]`);
    await expect(link).toHaveCount(1);
    await expect(link.locator('xpath=ancestor::li').locator('.card__kicker')).toHaveText('Vidéos');
  });

  test('a missing item is not found', async ({ page }) => {
    await page.goto('/video/nexiste-pas');
    await expect(page.locator('h1')).toHaveText('Page introuvable');
  });
});

test.describe('WordPress prerender', () => {
  serveSpec();
  const slug = 'video-chott-el-jerid-au-lever-du-jour';
  for (const js of [false, true]) {
    test.describe(js ? 'with JavaScript' : 'without JavaScript', () => {
      test.use({ javaScriptEnabled: js });

      test('the type’s listing and an item, from WordPress', async ({ page }, testInfo) => {
        const errors = watchErrors(page);
        await page.goto('/video');
        await expect(page.locator('h1')).toHaveText('Vidéos');
        await expect(page.locator('.card__title a')).toHaveCount(6); // one without a category, one classic
        await follow(page, js, page.locator(`.card__title a[href="/video/${slug}"]`), new RegExp(`/video/${slug}$`));
        await expect(page.locator('h1')).toHaveText('Le chott el-Jérid au lever du jour');
        expect(await crumbs(page)).toEqual(['Accueil', 'Vidéos', 'Le chott el-Jérid au lever du jour']);
        await expect(page.locator('.article')).toContainText('Le sel craque sous les pas');
        await expect(page.locator('.article img').first()).toBeVisible();
        if (js) await expectAccessible(page);
        await snap(page, testInfo, `cpt-wp-item-${js ? 'js' : 'nojs'}`);
        expect(errors).toEqual([]);
      });

      if (js) {
        test('the live search finds an item with the posts, at its own URL', async ({ page }) => {
          const errors = watchErrors(page);
          await page.goto('/search?q=rep%C3%A9rages');
          const link = page.locator('.search-result a.card__link[href="/video/video-galerie-classique-reperages"]');
          await expect(link).toHaveText('Repérages en images');
          await expect(page.locator('.search-result .card__kicker').first()).toHaveText('Vidéos');
          await link.click();
          await expect(page.locator('h1')).toHaveText('Repérages en images');
          expect(errors).toEqual([]);
        });
      }

      test('an item without a category shows under its type alone', async ({ page }, testInfo) => {
        const errors = watchErrors(page);
        const nocat = 'video-sans-rubrique-les-salines-de-kerkennah';
        await page.goto('/video');
        const card = page.locator('.card').filter({ has: page.locator(`a[href="/video/${nocat}"]`) });
        await expect(card.locator('.card__kicker')).toHaveCount(0);
        await follow(page, js, card.locator('.card__title a'), new RegExp(`/video/${nocat}$`));
        await expect(page.locator('h1')).toHaveText('Les salines de Kerkennah');
        expect(await crumbs(page)).toEqual(['Accueil', 'Vidéos', 'Les salines de Kerkennah']);
        await expect(page.locator('.article__kicker')).toHaveText('Vidéos');
        await expect(page.locator('.article')).toContainText('Les bassins changent de couleur');
        await snap(page, testInfo, `cpt-wp-nocat-${js ? 'js' : 'nojs'}`);
        expect(errors).toEqual([]);
      });
    });
  }
});
