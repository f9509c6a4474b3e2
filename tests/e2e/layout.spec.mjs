// Issue #19's layout blocks, measured: a 3-column gallery puts 3 images on a
// row at 1280 px and 2 on a phone; columns and media-and-text sit side by
// side on wide screens and stack on phones; left/right figures float beside
// the text on wide screens and stack on phones; no body element is wider
// than the text column but wide and full figures; nothing scrolls sideways
// at 320 px; axe passes. On the demo article (static source, dist/) and on
// scripts/wordpress/seed-layout.php's posts (KIOSQUE_WP_DIST, target/dist-wp,
// served on E2E_PORT + 7 like wordpress.spec.mjs).
import path from 'node:path';
import { test, expect, dist, expectAccessible, snap, watchErrors } from './helpers.mjs';
import { startServer } from '../../scripts/serve.mjs';

const DEMO = '/article/exposition-six-photographes-paysages-cote-a-cote';
const wpPort = Number(process.env.E2E_PORT || 4173) + 7;
const wpRoot = process.env.KIOSQUE_WP_DIST || path.resolve(dist, '../target/dist-wp');

/** Bounding boxes (page coordinates) of every element matching `selector`. */
const boxes = (page, selector) =>
  page.locator(selector).evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.left, y: r.top + window.scrollY, w: r.width, h: r.height, right: r.right, bottom: r.bottom + window.scrollY };
    }),
  );

/** Items per row of a gallery: how many share the first item's top. */
async function perRow(page, gallery) {
  const items = await boxes(page, `${gallery} .gallery__item`);
  expect(items.length).toBeGreaterThan(3);
  return items.filter((b) => Math.abs(b.y - items[0].y) < 2).length;
}

/** Side by side: the second box starts on the same row, after the first. */
function sideBySide(a, b) {
  return Math.abs(a.y - b.y) < a.h && (b.x >= a.right - 1 || a.x >= b.right - 1);
}

/** Body children wider than the text column, or outside it, but wide and full ones. */
async function overflowing(page) {
  return page.locator('.prose').first().evaluate((prose) => {
    const col = prose.getBoundingClientRect();
    const out = [];
    for (const el of prose.querySelectorAll(':scope > *, :scope .columns *, :scope .media-text *, :scope .gallery *')) {
      if (el.closest('.align-wide, .align-full')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.left < col.left - 1 || r.right > col.right + 1) out.push(`${el.tagName}.${el.className} ${Math.round(r.left)}–${Math.round(r.right)} vs ${Math.round(col.left)}–${Math.round(col.right)}`);
    }
    return out;
  });
}

async function layoutChecks(page, phone, { floats }) {
  const gallery = '.prose .gallery';
  expect(await perRow(page, gallery)).toBe(phone ? 2 : 3);
  const cols = await boxes(page, '.prose .columns__col');
  expect(cols.length).toBe(2);
  expect(sideBySide(cols[0], cols[1])).toBe(!phone);
  if (!phone) expect(cols[1].w).toBeGreaterThan(cols[0].w * 1.5); // 33 % / 67 %
  const [media] = await boxes(page, '.prose .media-text__media');
  const [body] = await boxes(page, '.prose .media-text__body');
  expect(sideBySide(media, body)).toBe(!phone);
  if (!phone) expect(media.x).toBeGreaterThan(body.x); // the media on the right
  if (floats) {
    const [prose] = await boxes(page, '.prose');
    for (const side of ['left', 'right']) {
      const [fig] = await boxes(page, `.prose > .figure.align-${side}`);
      // The paragraph after it flows beside it on wide screens, below it on phones.
      const next = await page.locator(`.prose > .figure.align-${side} + p`).evaluate((p) => p.getBoundingClientRect().top + window.scrollY);
      if (phone) expect(next).toBeGreaterThanOrEqual(fig.bottom - 1);
      else {
        expect(next).toBeLessThan(fig.bottom);
        expect(fig.w).toBeLessThanOrEqual(prose.w / 2 + 1);
        if (side === 'left') expect(Math.abs(fig.x - prose.x)).toBeLessThan(2);
        else expect(Math.abs(fig.right - prose.right)).toBeLessThan(2);
      }
    }
    const [prose2] = await boxes(page, '.prose');
    for (const cls of ['align-wide', 'align-full']) {
      // Figures, galleries and (on the demo article) a wide cover.
      for (const b of await boxes(page, `.prose > .${cls}`)) {
        if (!phone) expect(b.w, `${cls} is wider than the text column`).toBeGreaterThan(prose2.w + 10);
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.right).toBeLessThanOrEqual(await page.evaluate(() => document.documentElement.clientWidth));
      }
    }
  }
  expect(await overflowing(page)).toEqual([]);
}

async function noSidewaysScrollAt320(page) {
  await page.setViewportSize({ width: 320, height: 700 });
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scroll, 'no horizontal scroll at 320 px').toBeLessThanOrEqual(client);
}

test('the demo article: gallery grid, columns, media and text, floats, wide and full', async ({ page }, testInfo) => {
  const errors = watchErrors(page);
  const phone = testInfo.project.name === 'phone';
  await page.goto(DEMO);
  await expect(page.locator('.prose .gallery .gallery__item')).toHaveCount(6);
  // Thumbnails: sized, lazy, each a link to its full image.
  const thumbs = page.locator('.prose .gallery .gallery__link img');
  await expect(thumbs).toHaveCount(6);
  await expect(thumbs.first()).toHaveAttribute('loading', 'lazy');
  await expect(thumbs.first()).toHaveAttribute('width', /\d+/);
  await expect(page.locator('.prose .gallery .gallery__link').first()).toHaveAttribute('href', /-1200\.jpg$/);
  await expect(page.locator('.prose .cover img')).toHaveAttribute('alt', /digue/);
  // The editor's "wide width" on the cover is kept (issue 19: cover/group alignment).
  await expect(page.locator('.prose > .cover')).toHaveClass(/\balign-wide\b/);
  await layoutChecks(page, phone, { floats: true });
  await expectAccessible(page);
  await snap(page, testInfo, 'layout-demo');
  await noSidewaysScrollAt320(page);
  expect(errors).toEqual([]);
});

test.describe('through WordPress', () => {
  test.use({ baseURL: `http://127.0.0.1:${wpPort}` });
  let server;
  test.beforeAll(async () => {
    server = await startServer({ root: wpRoot, port: wpPort });
  });
  test.afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  test('the block-editor post: the same grid, columns and floats', async ({ page }, testInfo) => {
    const errors = watchErrors(page);
    await page.goto('/article/mise-en-page-editeur-de-blocs');
    await expect(page.locator('.prose .gallery .gallery__item')).toHaveCount(6);
    await expect(page.locator('.prose .gallery .gallery__link').first()).toHaveAttribute('href', /wp-content\/uploads\/.*\.jpg$/);
    await layoutChecks(page, testInfo.project.name === 'phone', { floats: true });
    await expectAccessible(page);
    await snap(page, testInfo, 'layout-wp-blocks');
    await noSidewaysScrollAt320(page);
    expect(errors).toEqual([]);
  });

  test('the classic post: [gallery] is a grid too', async ({ page }, testInfo) => {
    const errors = watchErrors(page);
    const phone = testInfo.project.name === 'phone';
    await page.goto('/article/mise-en-page-editeur-classique');
    await expect(page.locator('.prose .gallery .gallery__item')).toHaveCount(6);
    expect(await perRow(page, '.prose .gallery')).toBe(phone ? 2 : 3);
    // The 150×150 crops WordPress prints get their attachment's renditions.
    const thumbs = page.locator('.prose .gallery .gallery__link img');
    for (const img of await thumbs.all()) {
      expect((await img.getAttribute('srcset')).split(',').length).toBeGreaterThanOrEqual(3);
      await expect(img).toHaveAttribute('sizes', /px/);
      await expect(img).not.toHaveAttribute('width', '150');
    }
    expect(await overflowing(page)).toEqual([]);
    await expectAccessible(page);
    await snap(page, testInfo, 'layout-wp-classic');
    await noSidewaysScrollAt320(page);
    expect(errors).toEqual([]);
  });
});
