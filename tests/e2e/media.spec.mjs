// Issue #19, extreme images keep the layout: scripts/wordpress/seed-media.php's
// post (a 10,000×10,000 featured and body image, a 4000×200 strip, a 200×3000
// column) on the WordPress prerender (scripts/prerender-wp.sh, target/dist-wp),
// at 320, 360 and 1280 px: nothing scrolls sideways, every image is drawn at
// its width/height attributes' ratio and inside the text column, each fetches
// a rendition near its drawn size (images.spec.mjs's rule), and the card
// thumbnail of the post stays in its box.
import { test, expect, serveSpec, snap, watchErrors } from './helpers.mjs';

serveSpec({ offset: 1 });

const ARTICLE = '/article/images-extremes-mise-en-page';
const CATEGORY = '/category/images-extremes';

/** Loads the lazy images (walks the page down) and waits for the network. */
async function loadAll(page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 300) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 30));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForLoadState('networkidle');
}

/** Per image under `scope`: attributes, drawn box, chosen rendition, its box's container. */
const measure = (page, scope) =>
  page.locator(scope).first().evaluate((root) =>
    [...root.querySelectorAll('img')].map((img) => {
      const r = img.getBoundingClientRect();
      const box = (img.closest('.card__media, figure, picture') || img.parentElement).getBoundingClientRect();
      const options = (img.getAttribute('srcset') || '').split(',').filter(Boolean).map((c) => {
        const [url, w] = c.trim().split(/\s+/);
        return { url: new URL(url, document.baseURI).href, w: parseInt(w, 10) };
      }).sort((a, b) => a.w - b.w);
      return {
        what: img.currentSrc.split('/').pop(),
        attrW: Number(img.getAttribute('width')),
        attrH: Number(img.getAttribute('height')),
        w: r.width, h: r.height, left: r.left, right: r.right,
        box: { left: box.left, right: box.right, top: box.top, bottom: box.bottom },
        rect: { top: r.top, bottom: r.bottom },
        col: { left: root.getBoundingClientRect().left, right: root.getBoundingClientRect().right },
        fit: getComputedStyle(img).objectFit,
        need: r.width * devicePixelRatio,
        chosen: options.find((o) => o.url === img.currentSrc)?.w ?? null,
        widths: options.map((o) => o.w),
        // A body image outside wide/full alignment is drawn at most at its own width.
        body: !!img.closest('.prose') && !img.closest('.align-wide, .align-full'),
      };
    }));

/** images.spec.mjs's rule: not blurry while a big enough rendition exists, not oversized. */
function rendition({ what, need, chosen, widths }) {
  if (!widths.length) return `${what}: no srcset`;
  if (chosen == null) return `${what}: fetched a file that is not in its srcset`;
  const enough = widths.find((w) => w >= need * 0.95) ?? widths[widths.length - 1];
  if (chosen < enough) return `${what}: drawn ${Math.round(need)}px, fetched ${chosen}w (blurry)`;
  const smaller = widths.filter((w) => w < chosen && w >= need * 1.25);
  if (smaller.length) return `${what}: drawn ${Math.round(need)}px, fetched ${chosen}w (${smaller[0]}w would do)`;
  return null;
}

// Each test sets its own width: phone widths run under the phone project
// (touch, mobile viewport), 1280 under the desktop one, each once.
const ownProject = (width, testInfo) =>
  test.skip(testInfo.project.name !== (width < 1000 ? 'phone' : 'desktop'), 'this width runs under the other project');

for (const width of [320, 360, 1280]) {
  test(`extreme images keep the layout at ${width} px`, async ({ page }, testInfo) => {
    ownProject(width, testInfo);
    const errors = watchErrors(page);
    await page.setViewportSize({ width, height: 800 });
    await page.goto(ARTICLE);
    await loadAll(page);
    const images = await measure(page, 'main');
    // The featured image, the square again, the strip, the column.
    expect(images.length).toBeGreaterThanOrEqual(4);
    const problems = [];
    for (const img of images) {
      if (!img.attrW || !img.attrH) problems.push(`${img.what}: no width/height attributes`);
      const ratio = img.attrW / img.attrH;
      // Drawn at the attributes' ratio (a cropped box would show through object-fit only).
      if (img.fit !== 'cover' && Math.abs(img.w / img.h - ratio) > ratio * 0.03 + 1 / img.h) {
        problems.push(`${img.what}: drawn ${Math.round(img.w)}×${Math.round(img.h)} for ${img.attrW}×${img.attrH}`);
      }
      if (img.body && img.w > img.attrW + 1) problems.push(`${img.what}: drawn ${Math.round(img.w)}px wide, the image is ${img.attrW}px (upscaled)`);
      if (img.left < -1 || img.right > width + 1) problems.push(`${img.what}: ${Math.round(img.left)}–${Math.round(img.right)} outside the viewport`);
      if (img.attrW > 1) {
        const bad = rendition(img);
        if (bad && img.widths.length > 1) problems.push(bad);
      }
    }
    expect(problems).toEqual([]);
    await snap(page, testInfo, `media-article-${width}`);
    expect(errors).toEqual([]);
  });

  test(`an extreme card thumbnail stays in its box at ${width} px`, async ({ page }, testInfo) => {
    ownProject(width, testInfo);
    await page.setViewportSize({ width, height: 800 });
    await page.goto(CATEGORY);
    await loadAll(page);
    const images = await measure(page, 'main');
    expect(images.length).toBeGreaterThan(0);
    for (const img of images) {
      expect(img.rect.top, img.what).toBeGreaterThanOrEqual(img.box.top - 1);
      expect(img.rect.bottom, img.what).toBeLessThanOrEqual(img.box.bottom + 1);
      expect(img.right, img.what).toBeLessThanOrEqual(width + 1);
    }
    await snap(page, testInfo, `media-card-${width}`);
  });
}
