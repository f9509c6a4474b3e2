// The first view's bandwidth goes to its largest image (issue 17, LCP): the
// head preloads the hero or the listing's lead with the `<img>`'s own
// candidates and `sizes`, so the browser fetches one file, early, once; and
// what sits below the article (the rail, the comments) waits for the reader's
// scroll instead of loading beside the hero. Lighthouse's mobile LCP counted
// the rail's six images when they finished before the first paint.
import { readerTest as test, expect, api } from './helpers.mjs';

const home = () => api('home.json');

/** Every image request, in order. */
function images(page) {
  const urls = [];
  page.on('request', (r) => { if (r.resourceType() === 'image') urls.push(r.url()); });
  return urls;
}

const pages = [
  ['home', () => '/', '.card--lead img'],
  ['category', () => `/category/${home().lead.category.slug}`, '.card--lead img'],
  ['article', () => `/article/${home().lead.slug}`, '.article figure img'],
];

for (const [name, route, lcp] of pages) {
  test(`the ${name} preloads its largest image and fetches it once`, async ({ page }) => {
    const urls = images(page);
    await page.goto(route());
    await page.waitForLoadState('load');
    const preloads = page.locator('head link[rel="preload"][as="image"]');
    await expect(preloads).toHaveCount(1);
    const img = page.locator(lcp).first();
    await img.evaluate((el) => el.decode());
    const { src, srcset, sizes } = await img.evaluate((el) => ({
      src: el.currentSrc, srcset: el.getAttribute('srcset'), sizes: el.getAttribute('sizes'),
    }));
    // The same candidates and sizes: the preload's choice is the image's.
    expect(await preloads.getAttribute('imagesrcset')).toBe(srcset);
    expect(await preloads.getAttribute('imagesizes')).toBe(sizes);
    expect(await preloads.getAttribute('fetchpriority')).toBe('high');
    // One rendition of the picture, fetched once (a mismatch fetches two).
    const stem = (u) => new URL(u).pathname.replace(/-\d+\.\w+$/, '');
    expect(urls.filter((u) => stem(u) === stem(src))).toEqual([src]);
  });
}

test('the rail and the comments load their images only when the reader comes near', async ({ page, context }) => {
  // On a slow link Chrome fetches lazy images from much farther ahead (6,000
  // px on 2G): without the rule, the rail's images load with the hero.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 1500, downloadThroughput: 100_000, uploadThroughput: 50_000, connectionType: 'cellular2g',
  });
  const urls = images(page);
  await page.goto(`/article/${home().lead.slug}`);
  await page.waitForLoadState('load');
  await page.waitForTimeout(1000);
  const below = await page.locator('.rail img, .comments img').evaluateAll((els) => els.flatMap((el) =>
    (el.getAttribute('srcset') || el.getAttribute('src') || '').split(',')
      .map((c) => new URL(c.trim().split(/\s+/)[0], document.baseURI).href)));
  expect(below.length).toBeGreaterThan(0);
  expect(urls.filter((u) => below.includes(u))).toEqual([]);
  // Near the rail, its images arrive and draw.
  await page.locator('.rail').scrollIntoViewIfNeeded();
  const first = page.locator('.rail img').first();
  await expect.poll(() => first.evaluate((el) => el.complete && el.naturalWidth > 0)).toBe(true);
  await expect(first).toBeVisible();
});
