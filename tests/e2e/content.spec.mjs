// The static content API end to end: pagination, search with accent folding,
// author and tag pages, static pages and old permalinks.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, api, dist, expectAccessible, snap, watchErrors, viewportIndependent } from './helpers.mjs';

/** A category that has a page 2. */
function pagedCategory() {
  for (const { slug } of api('site.json').nav) {
    const p1 = api(`categories/${slug}/page/1.json`);
    if (p1.total_pages >= 2) return { slug, p1, p2: api(`categories/${slug}/page/2.json`) };
  }
  throw new Error('the demo content needs a category with two pages');
}

test('a category page 2, with working prev/next links after a reload', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  const { slug, p1, p2 } = pagedCategory();
  await page.goto(`/category/${slug}/page/2`);
  await expect(page.locator('h1')).toHaveText(p2.kind.category.name);
  await expect(page.locator('.pagination__status')).toHaveText(`Page 2 sur ${p2.total_pages}`);
  const titles = await page.locator('.card__title').allTextContents();
  expect(titles).toEqual(p2.articles.map((a) => a.title));
  await snap(page, testInfo, 'category-page-2');
  await expectAccessible(page);
  await page.reload();
  await page.getByRole('link', { name: 'Page précédente' }).click();
  await expect(page).toHaveURL(new RegExp(`/category/${slug}$`));
  await expect(page.locator('.card--lead .card__title')).toHaveText(p1.articles[0].title);
  expect(errors).toEqual([]);
});

test('search folds accents and case: an unaccented prefix finds the accented word', async ({ page }, testInfo) => {
  const index = api('archive/articles/page/1.json');
  // A title word with an accent, searched without it.
  let doc, word;
  for (const d of index.articles) {
    word = d.title.split(/[^\p{L}\p{N}]+/u).find((w) => w.length >= 6 && /[éèêàâçîôû]/i.test(w));
    if (word) { doc = d; break; }
  }
  expect(doc, 'a title with an accented word').toBeTruthy();
  const plain = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const query = plain.slice(0, Math.max(4, plain.length - 2));
  await page.goto(`/search?q=${encodeURIComponent(query)}`);
  const hit = page.locator('.search-result', { hasText: doc.title });
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark').first()).toBeVisible();
  await expect(page.locator('#search-page-q')).toHaveValue(query);
  await snap(page, testInfo, 'search');
  await expectAccessible(page);
});

/** How many articles the static search index holds under `key` (a folded
 * word or prefix): its term shard is FNV-1a(key) modulo the shard count. */
function indexed(key) {
  const { term_shards: shards } = api('search/index.json');
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(key)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return (api(`search/terms/${h % shards}.json`).terms[key] || []).length;
}

test('search results page through real links, 20 a page, without repeats', async ({ page }, testInfo) => {
  viewportIndependent(testInfo);
  const errors = watchErrors(page);
  const total = indexed('region');
  expect(total, 'the demo needs a word on more than one page of results').toBeGreaterThan(20);
  const pages = Math.ceil(total / 20);
  await page.goto(`/search?q=${encodeURIComponent('Région')}`);
  await expect(page.locator('.search-page__count')).toContainText(String(total));
  await expect(page.locator('.search-result')).toHaveCount(20);
  await expect(page.locator('.pagination__status')).toHaveText(`Page 1 sur ${pages}`);
  const first = await page.locator('.search-result__title').allTextContents();
  const next = page.getByRole('link', { name: 'Page suivante' });
  await expect(next).toHaveAttribute('href', '/search/page/2?q=R%C3%A9gion');
  await next.click();
  await expect(page).toHaveURL(/\/search\/page\/2\?q=R%C3%A9gion$/);
  await expect(page.locator('.pagination__status')).toHaveText(`Page 2 sur ${pages}`);
  await expect(page.locator('.search-result')).toHaveCount(Math.min(20, total - 20));
  const second = await page.locator('.search-result__title').allTextContents();
  expect(second.filter((t) => first.includes(t))).toEqual([]);
  await expect(page.locator('#search-page-q')).toHaveValue('Région');
  // The query-parameter form is the same page, at its canonical URL.
  await page.goto(`/search?q=R%C3%A9gion&page=2`);
  await expect(page).toHaveURL(/\/search\/page\/2\?q=R%C3%A9gion$/);
  await expect(page.locator('.search-result__title')).toHaveText(second);
  await page.getByRole('link', { name: 'Page précédente' }).click();
  await expect(page).toHaveURL(/\/search\?q=R%C3%A9gion$/);
  await expect(page.locator('.search-result__title')).toHaveText(first);
  expect(errors).toEqual([]);
});

test('search with no match explains itself; the header form searches', async ({ page }, testInfo) => {
  viewportIndependent(testInfo);
  await page.goto('/search?q=zzzqxw');
  await expect(page.locator('.search-page__empty')).toContainText('Aucun article');
  await page.goto('/');
  const input = page.locator('#site-search');
  await input.fill('maroc');
  await input.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=maroc$/);
  await expect(page.locator('.search-result').first()).toBeVisible();
});

test('author and tag pages list their articles', async ({ page }, testInfo) => {
  const authors = fs.readdirSync(path.join(dist, 'api/authors'));
  const author = api(`authors/${authors[0]}/page/1.json`);
  await page.goto(`/author/${authors[0]}`);
  await expect(page.locator('h1')).toHaveText(author.kind.author.name);
  await expect(page.locator('.author__bio')).toBeVisible();
  await snap(page, testInfo, 'author');
  await expectAccessible(page);

  const article = api(`articles/${author.articles[0].slug}.json`);
  const tag = article.tags[0];
  await page.goto(`/tag/${tag.slug}`);
  await expect(page.locator('h1')).toContainText(tag.name);
  await expect(page.locator('.card__title', { hasText: article.title })).toBeVisible();
  await expectAccessible(page);
});

test('a static page at /:slug, and an old permalink redirects to /article/:slug', async ({ page }, testInfo) => {
  viewportIndependent(testInfo);
  const pages = fs.readdirSync(path.join(dist, 'api/pages')).map((f) => f.replace(/\.json$/, ''));
  const about = api(`pages/${pages[0]}.json`);
  await page.goto(`/${pages[0]}`);
  await expect(page.locator('h1')).toHaveText(about.title);
  await expectAccessible(page);

  const slug = api('home.json').latest[1].slug;
  await page.goto(`/${slug}`);
  await expect(page).toHaveURL(new RegExp(`/article/${slug}$`));
  await expect(page.locator('h1')).toHaveText(api(`articles/${slug}.json`).title);
  // The redirect replaced the history entry: back leads to the page before.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/${pages[0]}$`));
});
