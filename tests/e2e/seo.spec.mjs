// The SEO-plugin head (issue 20, item 1) against the test WordPress, whose
// must-use plugin (scripts/wordpress/mu-plugins/kiosque-seo-emulation.php)
// answers the REST API as Yoast SEO and Rank Math do for the posts
// scripts/wordpress/seed-seo.php writes: the prerendered pages of
// target/dist-wp (scripts/prerender-wp.sh), read with JavaScript off and
// then hydrated, and the same article reached by the app's own routing.
import fs from 'node:fs';
import path from 'node:path';
import { test, readerTest, expect, expectAccessible, serveSpec, snap, watchErrors, viewportIndependent } from './helpers.mjs';

const { root } = serveSpec({ offset: 9 });

/** What the head says, as a crawler reads it. */
function head(page) {
  return page.evaluate(() => {
    const meta = (sel) => [...document.querySelectorAll(sel)].map((m) => m.getAttribute('content'));
    return {
      title: document.title,
      description: meta('meta[name="description"]'),
      robots: meta('meta[name="robots"]'),
      canonical: [...document.querySelectorAll('link[rel="canonical"]')].map((l) => l.getAttribute('href')),
      ogTitle: meta('meta[property="og:title"]'),
      ogImage: meta('meta[property="og:image"]'),
      twitterTitle: meta('meta[name="twitter:title"]'),
      twitterImage: meta('meta[name="twitter:image"]'),
      ld: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent)),
    };
  });
}

const types = (ld) => ld.flatMap((x) => (x['@graph'] || [x]).flatMap((n) => [].concat(n['@type'])));

readerTest.describe('without JavaScript', () => {
  readerTest.use({ javaScriptEnabled: false });

  readerTest('a Yoast head wins: title, description, cards, canonical, one merged graph', async ({ page }) => {
    await page.goto('/article/seo-yoast-redaction');
    const h = await head(page);
    expect(h.title).toBe('Titre SEO choisi par la rédaction | Édition test');
    expect(h.description).toEqual(['Description écrite à la main pour les moteurs de recherche.']);
    expect(h.ogTitle).toEqual(['Titre pour les réseaux sociaux']);
    expect(h.twitterTitle).toEqual(['Titre pour X']);
    expect(h.robots).toEqual([]);
    // Yoast's canonical is the WordPress permalink: it stands for this page.
    expect(h.canonical).toHaveLength(1);
    expect(new URL(h.canonical[0]).pathname).toBe('/article/seo-yoast-redaction');
    expect(h.ld).toHaveLength(1);
    const t = types(h.ld);
    expect(t).toContain('Article');
    expect(t).not.toContain('NewsArticle');
    expect(t).toContain('BreadcrumbList');
    expect(JSON.stringify(h.ld)).not.toContain('127.0.0.1:8081/seo-yoast');
    await expect(page.locator('h1')).toHaveText('Fiche pratique : bien choisir son titre de une');
  });

  readerTest('noindex: said in the head, left out of the sitemaps', async ({ page }) => {
    await page.goto('/article/seo-yoast-noindex');
    expect((await head(page)).robots).toEqual(['noindex, follow']);
    const sitemaps = fs.readdirSync(root).filter((f) => /^sitemap-\d+\.xml$/.test(f));
    const all = sitemaps.map((f) => fs.readFileSync(path.join(root, f), 'utf8')).join('');
    expect(all).toContain('/article/seo-yoast-redaction<');
    expect(all).not.toContain('/article/seo-yoast-noindex<');
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'prerender.json'), 'utf8'));
    expect(manifest.pages['/article/seo-yoast-noindex'].noindex).toBe(true);
  });

  readerTest('hostile plugin fields are dropped or escaped, never trusted', async ({ page }) => {
    await page.goto('/article/seo-yoast-hostile');
    const h = await head(page);
    expect(h.title).not.toContain('<');
    expect(h.title.length).toBeLessThanOrEqual(301);
    expect(new URL(h.canonical[0]).pathname).toBe('/article/seo-yoast-hostile');
    for (const u of [...h.ogImage, ...h.twitterImage]) expect(u).toMatch(/^https?:\/\//);
    // The oversized graph is dropped: Kiosque's own JSON-LD stays.
    expect(types(h.ld)).toContain('NewsArticle');
    const html = fs.readFileSync(path.join(root, 'article/seo-yoast-hostile/index.html'), 'utf8');
    expect(html).not.toContain('__seo_pwned=1</script>');
    expect(html).not.toMatch(/<(img|svg)[^>]*onerror|onload=/i);
  });

  readerTest('a Rank Math head (its headless route) is read the same way', async ({ page }) => {
    await page.goto('/article/seo-rankmath-redaction');
    const h = await head(page);
    expect(h.title).toBe('Titre Rank Math choisi par la rédaction');
    expect(h.description).toEqual(['Description Rank Math écrite à la main.']);
    expect(new URL(h.canonical[0]).pathname).toBe('/article/seo-rankmath-redaction');
    expect(types(h.ld)).toContain('Article');
  });

  // Terms, authors and pages (scripts/wordpress/seed-seo-terms.php).
  readerTest('a category\'s Yoast head; a noindex tag out of the sitemaps; an author; a Rank Math tag and page', async ({ page }) => {
    await page.goto('/category/referencement');
    let h = await head(page);
    expect(h.title).toBe('Référencement : nos fiches pratiques | Édition test');
    expect(h.description).toEqual(['Toutes les fiches pratiques de la rédaction sur le référencement.']);
    expect(h.ogTitle).toEqual(['Les fiches référencement']);
    expect(h.robots).toEqual([]);
    // Yoast's canonical is WordPress's nested category link: it stands for this page.
    expect(h.canonical.map((u) => new URL(u).pathname)).toEqual(['/category/referencement']);
    expect(h.ld).toHaveLength(1);
    expect(types(h.ld)).toEqual(['CollectionPage', 'BreadcrumbList', 'WebSite']);
    expect(JSON.stringify(h.ld)).not.toContain('127.0.0.1:8081/category');
    await expect(page.locator('h1')).toHaveText('Référencement');

    await page.goto('/tag/seo-etiquette-cachee');
    expect((await head(page)).robots).toEqual(['noindex, follow']);
    const sitemaps = fs.readdirSync(root).filter((f) => /^sitemap-\d+\.xml$/.test(f));
    const all = sitemaps.map((f) => fs.readFileSync(path.join(root, f), 'utf8')).join('');
    expect(all).toContain('/category/referencement<');
    expect(all).not.toContain('/tag/seo-etiquette-cachee');

    await page.goto('/author/redaction-seo');
    h = await head(page);
    expect(h.title).toBe('Rédaction SEO, auteur de fiches | Édition test');
    expect(types(h.ld)).toContain('ProfilePage');

    await page.goto('/tag/seo-etiquette-rank-math');
    expect((await head(page)).title).toBe('Étiquette décrite par Rank Math');
    await page.goto('/seo-page-rank-math');
    h = await head(page);
    expect(h.title).toBe('Page Rank Math choisie par la rédaction');
    expect(h.description).toEqual(['Description Rank Math de la page.']);
    // Its schema graph, once, with the site's own URLs made public.
    expect(h.ld).toHaveLength(1);
    expect(types(h.ld)).toEqual(['WebPage', 'Article', 'WebSite']);
    expect(JSON.stringify(h.ld)).not.toContain('127.0.0.1:8081/seo-page');
  });
});

test('a category\'s plugin head at 360 and 1280 px, hydrated: the same head, accessible', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await page.goto('/category/referencement');
  const prerendered = await head(page);
  await page.waitForFunction(() => window.__kiosqueStart === 'hydrated');
  expect(await head(page)).toEqual(prerendered);
  await expectAccessible(page);
  await snap(page, testInfo, 'seo-category');
  expect(errors).toEqual([]);
});

test('hydrated, and reached by the app: the same head', async ({ page }, testInfo) => {
  viewportIndependent(testInfo);
  const errors = watchErrors(page);
  await page.goto('/article/seo-yoast-redaction');
  await page.waitForFunction(() => window.__kiosqueStart === 'hydrated');
  const prerendered = await head(page);
  expect(prerendered.title).toBe('Titre SEO choisi par la rédaction | Édition test');
  // Client-side: from the category page to the article.
  await page.goto('/category/referencement');
  await page.waitForFunction(() => window.__kiosqueStart === 'hydrated');
  await page.locator('a[href="/article/seo-rankmath-redaction"]').first().click();
  await expect(page).toHaveTitle('Titre Rank Math choisi par la rédaction');
  await page.goto('/article/seo-yoast-redaction');
  await page.waitForFunction(() => window.__kiosqueStart === 'hydrated');
  expect(await head(page)).toEqual(prerendered);
  await expectAccessible(page);
  expect(errors).toEqual([]);
});
