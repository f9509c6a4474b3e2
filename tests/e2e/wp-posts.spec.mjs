// Issue #19's post-level cases against the live test WordPress
// (scripts/wordpress/seed-wp-posts.php): a multi-page post's page links, the
// password form (wrong, then right password) and no sideways scrolling at
// 320 px. Runs on the release bundle pointed at WordPress and prerendered
// from it (scripts/prerender-wp.sh), in KIOSQUE_WP_DIST (target/dist-wp),
// served on E2E_PORT + 7 like wordpress.spec.mjs.
import { test, expect, expectAccessible, serveSpec, snap, watchErrors } from './helpers.mjs';

serveSpec();

const PAGED = '/article/article-en-trois-pages';

test('a three-page post: page links, one page at a time, each page its own URL', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await page.goto(PAGED);
  const nav = page.locator('nav.article-pages');
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('article.article')).toContainText('Première page du récit');
  await expect(page.locator('article.article')).not.toContainText('Deuxième page du récit');
  await expect(nav.locator('[aria-current="page"]')).toHaveText('1');
  await expectAccessible(page);
  await snap(page, testInfo, 'wp-posts-page-1');
  await nav.getByRole('link', { name: '2', exact: true }).click();
  await expect(page).toHaveURL(`${PAGED}/2`);
  await expect(page.locator('article.article')).toContainText('Deuxième page du récit');
  await expect(page.locator('article.article')).not.toContainText('Première page du récit');
  await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', new RegExp(`${PAGED}/2$`));
  // Page 3, loaded as a page of its own (prerendered).
  await page.goto(`${PAGED}/3`);
  await expect(page.locator('article.article')).toContainText('Troisième page du récit');
  await expect(page.locator('nav.article-pages [aria-current="page"]')).toHaveText('3');
  expect(errors).toEqual([]);
});

test('a protected post asks for its password: wrong, then right', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await page.goto('/article/article-protege');
  await expect(page.locator('h1')).toHaveText('Note réservée aux abonnés du kiosque');
  await expect(page.locator('.article__protected [role=note]')).toBeVisible();
  expect(await page.content()).not.toContain('zanzibarite');
  const field = page.getByLabel(/Mot de passe/);
  await field.fill('faux');
  await page.getByRole('button', { name: /Lire/ }).click();
  await expect(page.locator('.protected-form__error')).toContainText('incorrect');
  await expectAccessible(page);
  await snap(page, testInfo, 'wp-posts-protected');
  await field.fill('kiosque');
  await page.getByRole('button', { name: /Lire/ }).click();
  await expect(page.locator('article.article')).toContainText('zanzibarite');
  expect(errors).toEqual([]);
});

test('at 320 px nothing scrolls sideways: long titles, unbroken words, many terms, extreme images', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  for (const slug of ['article-titre-tres-long', 'article-soixante-termes', 'article-image-bandeau', 'article-image-colonne']) {
    await page.goto(`/article/${slug}`);
    await expect(page.locator('h1')).toHaveCount(1);
    const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(scroll, slug).toBeLessThanOrEqual(client);
  }
});
