// Comments read from the test WordPress (scripts/wordpress/seed-comments.php),
// on the bundle prerendered from it (scripts/prerender-wp.sh, target/dist-wp):
// the first page of threads is in the prerendered HTML, hydrates without an
// error, page 2 is a real link (prerendered too), and a closed post says so.
// Posting: comment-post.spec.mjs.
import { test, expect, expectAccessible, serveSpec, snap, watchErrors } from './helpers.mjs';

const WP = process.env.KIOSQUE_WP_URL || 'http://127.0.0.1:8081/wp-json';
serveSpec();

const OPEN = 'debat-commentaires-seed';
const CLOSED = 'commentaires-fermes-seed';

async function total(slug) {
  const [post] = await (await fetch(`${WP}/wp/v2/posts?slug=${slug}&_fields=id`)).json();
  const res = await fetch(`${WP}/wp/v2/comments?post=${post.id}&type=comment&per_page=1&_fields=id`);
  return Number(res.headers.get('x-wp-total'));
}

test('without JavaScript: the first page of threads is in the prerendered article', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/article/${OPEN}`);
  const section = page.locator('section#comments');
  await expect(section.locator('h2')).toHaveText('Commentaires');
  await expect(page.locator('a.article__comments')).toHaveAttribute('href', `/article/${OPEN}#comments`);
  await expect(section.locator('.comments__count')).toHaveText(`${await total(OPEN)} commentaires`);
  // 50 threads a page, oldest first; replies nested, at most 5 levels.
  await expect(section.locator(':scope > ol > li')).toHaveCount(50);
  await expect(section.locator(':scope > ol > li').first().locator('.comments__author').first()).toHaveText('Lecteur 1');
  await expect(section.locator('ol ol ol ol ol li')).toHaveCount(2);
  await expect(section.locator('ol ol ol ol ol ol')).toHaveCount(0);
  // The author's site: a nofollow link; a javascript: one is no link.
  await expect(section.getByRole('link', { name: 'Lecteur 1' })).toHaveAttribute('rel', 'nofollow ugc');
  await expect(section.getByRole('link', { name: 'Lecteur 2' })).toHaveCount(0);
  await expect(section.locator('img.comments__avatar').first()).toHaveAttribute('loading', 'lazy');
  // Never shown: pingbacks, trackbacks, held comments; hostile bodies stay text.
  await expect(section).not.toContainText('Un blog');
  await expect(section).not.toContainText('En attente');
  await expect(section.locator('script, iframe, svg, [onerror], [onclick]')).toHaveCount(0);
  // The one form is Kiosque's comment form (this site takes readers'
  // comments; hidden until the app runs), never one from a comment's body.
  await expect(section.locator('form:not(.comment-form), ol form')).toHaveCount(0);
  await expect(section.locator('form.comment-form')).toBeHidden();
  await context.close();
});

test('hydrated: the same threads, no error; accessible; closed comments say so', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  await page.goto(`/article/${OPEN}`);
  await page.locator('a.article__comments').hover();
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'));
  await expect(page.locator('#comments > ol > li')).toHaveCount(50);
  await page.locator('a.article__comments').click();
  await expect(page).toHaveURL(/#comments$/);
  const section = page.locator('#comments');
  await section.scrollIntoViewIfNeeded();
  await expectAccessible(page);
  await snap(page, testInfo, 'wp-comments');
  // Page 2: a real link, in the app.
  await section.locator('a[rel=next]').click();
  await expect(page).toHaveURL(new RegExp(`/article/${OPEN}/comments/page/2$`));
  await expect(page.locator('#comments > ol > li')).toHaveCount(5);
  await expect(page.locator('#comments > ol > li').first().locator('.comments__author').first()).toHaveText('Lecteur 51');
  await expect(page.locator('#comments a[rel=prev]')).toHaveAttribute('href', `/article/${OPEN}`);
  expect(errors).toEqual([]);

  await page.goto(`/article/${CLOSED}`);
  await expect(page.locator('#comments .comments__status')).toHaveText('Les commentaires sont fermés.');
  await expect(page.locator('#comments > ol > li')).toHaveCount(1);
});
