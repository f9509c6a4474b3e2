// Every image downloads the rendition its drawn size needs (issue 17's lean
// first view): `sizes` in the components must follow the stylesheet. A card
// drawn as a 7.5rem thumbnail that fetches the 800w file, or a 1200px hero
// that fetches the 800w one, fails here. Checked on prerendered pages at the
// project's width, and at a phone's 1.75 dppx (Lighthouse's mobile device).
import { readerTest as test, expect, api } from './helpers.mjs';

const article = () => api('home.json').lead.slug;
const category = () => api('home.json').lead.category.slug;

/** For each loaded image with a srcset: its drawn width in device pixels,
 * the rendition it fetched, and the renditions it could choose from. */
async function renditions(page) {
  // Lazy images load as they come near: walk the page down.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 300) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 30));
    }
  });
  await page.waitForLoadState('networkidle');
  return page.evaluate(() => [...document.querySelectorAll('img[srcset]')]
    .filter((img) => img.currentSrc && img.getBoundingClientRect().width > 0)
    .map((img) => {
      const options = img.getAttribute('srcset').split(',').map((c) => {
        const [url, w] = c.trim().split(/\s+/);
        return { url: new URL(url, document.baseURI).href, w: parseInt(w, 10) };
      }).sort((a, b) => a.w - b.w);
      return {
        what: `${img.className || img.parentElement.className} ${img.currentSrc.split('/').pop()}`,
        need: img.getBoundingClientRect().width * devicePixelRatio,
        chosen: options.find((o) => o.url === img.currentSrc)?.w ?? null,
        widths: options.map((o) => o.w),
      };
    }));
}

/** What is wrong with one image's choice, or null: smaller than drawn (blurry)
 * while a big enough one existed, or bigger than needed while a rendition a
 * quarter above the drawn size would have done. */
function problem({ what, need, chosen, widths }) {
  if (chosen == null) return `${what}: fetched a file that is not in its srcset`;
  const enough = widths.find((w) => w >= need * 0.95) ?? widths[widths.length - 1];
  if (chosen < enough) return `${what}: drawn ${Math.round(need)}px, fetched ${chosen}w (blurry; ${enough}w exists)`;
  const smaller = widths.filter((w) => w < chosen && w >= need * 1.25);
  if (smaller.length) return `${what}: drawn ${Math.round(need)}px, fetched ${chosen}w (${smaller[0]}w would do)`;
  return null;
}

for (const dpr of [1, 1.75]) {
  test.describe(`at ${dpr} dppx`, () => {
    test.use({ deviceScaleFactor: dpr });
    for (const [name, route] of [['home', () => '/'], ['category', () => `/category/${category()}`], ['article', () => `/article/${article()}`]]) {
      test(`the ${name} fetches each image at the size it is drawn`, async ({ page }) => {
        await page.goto(route());
        const images = await renditions(page);
        expect(images.length).toBeGreaterThan(1);
        expect(images.map(problem).filter(Boolean)).toEqual([]);
      });
    }
  });
}
