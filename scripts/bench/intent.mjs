// From the reader's first touch on a link to the next page, as a reader on a
// slow phone gets it (issue 17, point 4): Playwright + Debian's Chromium under
// the throttling Lighthouse applies for its mobile preset (latency 562.5 ms,
// 1,474.56 Kbps down, 675 Kbps up, CPU 4× slower), 412 × 823 at 1.75 dppx
// with touch, a fresh browser context (empty HTTP cache) per run.
//
// Each run loads a prerendered article as a reader arrives (no eager start),
// scrolls a "Vous aimerez aussi" link into view, then touches it (touch start,
// 100 ms, touch end: a tap). The touch is the app's first sign of intent, so
// its wasm starts downloading; the tap's click lands long before it arrives,
// so it is a normal page load of the next prerendered article, which then
// starts the app from the HTTP cache (public/start.js) and hydrates. Times are
// taken in the pages, on the wall clock shared by both documents
// (performance.timeOrigin + now, kept in sessionStorage across the load):
// touch → next article's h1 in the DOM at an animation frame, and touch →
// next page hydrated (`<html data-app>`, set by the app once running).
import { chromium } from '@playwright/test';
import { median } from './browser.mjs';

const THROTTLE = { latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };
const CPU_SLOWDOWN = 4;

/** Runs in every document: records the marks in sessionStorage. */
const MARKS = () => {
  const now = () => performance.timeOrigin + performance.now();
  const put = (k, v) => sessionStorage.getItem(k) ?? sessionStorage.setItem(k, String(v));
  addEventListener('touchstart', (e) => put('bench-down', performance.timeOrigin + e.timeStamp), { capture: true });
  const target = sessionStorage.getItem('bench-target');
  if (!target || location.pathname !== target) return;
  put('bench-full-load', '1');
  const tick = () => (document.querySelector('h1.article__title') ? put('bench-visible', now()) : requestAnimationFrame(tick));
  requestAnimationFrame(tick);
  // The init script runs before <html> exists: watch the document.
  const app = () => document.documentElement?.hasAttribute('data-app') && put('bench-app', now());
  new MutationObserver(app).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-app'] });
};

async function once(browser, origin, from) {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
  });
  try {
    await context.addInitScript(MARKS);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...THROTTLE });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(`${origin}/article/${from}`, { waitUntil: 'load', timeout: 120_000 });
    const link = page.locator('.rail .card__link').first();
    const href = await link.getAttribute('href');
    if (!href) throw new Error(`no rail link on /article/${from}`);
    await page.evaluate((h) => sessionStorage.setItem('bench-target', new URL(h, location.href).pathname), href);
    await link.evaluate((a) => a.scrollIntoView({ block: 'center' }));
    const box = await link.boundingBox();
    if (!box) throw new Error('the rail link is not visible');
    const point = { x: box.x + Math.min(box.width / 2, 20), y: box.y + box.height / 2 };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
    await new Promise((r) => setTimeout(r, 100));
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await page.waitForFunction(() => sessionStorage.getItem('bench-app') && sessionStorage.getItem('bench-visible'), null, {
      timeout: 120_000,
    });
    const m = await page.evaluate(() => Object.fromEntries(['bench-down', 'bench-visible', 'bench-app', 'bench-full-load'].map((k) => [k, sessionStorage.getItem(k)])));
    return {
      visible_ms: Number(m['bench-visible']) - Number(m['bench-down']),
      hydrated_ms: Number(m['bench-app']) - Number(m['bench-down']),
      full_load: m['bench-full-load'] === '1',
    };
  } finally {
    await context.close();
  }
}

/** `runs` taps from prerendered articles (`slugs`, used in turn). */
export async function runIntentBench({ origin, slugs, runs, log }) {
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium' });
  const out = { runs: [], errors: [] };
  try {
    for (let i = 0; i < runs; i++) {
      try {
        out.runs.push(await once(browser, origin, slugs[i % slugs.length]));
      } catch (e) {
        out.errors.push(String(e.message ?? e).split('\n')[0]);
      }
      log?.(`intent run ${i + 1}/${runs}`);
    }
  } finally {
    await browser.close();
  }
  out.visible_median_ms = median(out.runs.map((r) => r.visible_ms));
  out.hydrated_median_ms = median(out.runs.map((r) => r.hydrated_ms));
  out.throttling = { ...THROTTLE, cpu_slowdown: CPU_SLOWDOWN, viewport: '412x823@1.75', touch: true };
  return out;
}

/** The report's section (lines of Markdown). */
export function intentMarkdown(r) {
  const ms = (x) => (x == null ? '–' : `${Math.round(x).toLocaleString('en')} ms`);
  const xs = (k) => r.runs.map((x) => x[k]);
  const row = (name, k) => L.push(`| ${name} | ${r.runs.length} | ${ms(median(xs(k)))} | ${ms(Math.min(...xs(k)))} | ${ms(Math.max(...xs(k)))} |`);
  const L = ['## From a touch on a link to the next page (throttled, Kiosque static demo API)', ''];
  L.push('A prerendered article loaded as a reader arrives (no app yet), then a tap on its first "Vous aimerez aussi" link: ' +
    'touch start, 100 ms, touch end. Playwright + Debian Chromium at 412 × 823, 1.75 dppx, with Lighthouse\'s mobile throttling applied ' +
    '(latency 562.5 ms, 1,474.56 Kbps down, 675 Kbps up, CPU 4×); a fresh browser context (empty cache) per run. ' +
    `The click reached the next page by a full page load in ${r.runs.filter((x) => x.full_load).length} of ${r.runs.length} runs ` +
    '(the touch starts the app\'s download; the click comes first); that page then starts the app from the HTTP cache and hydrates.', '');
  L.push('| Touch → | Runs | Median | Min | Max |', '|---|---:|---:|---:|---:|');
  row('next article\'s h1 in the DOM', 'visible_ms');
  row('next article hydrated (client routing from there)', 'hydrated_ms');
  if (r.errors.length) L.push('', `Failed runs: ${r.errors.length} (${[...new Set(r.errors)].slice(0, 3).join('; ')}).`);
  L.push('');
  return L;
}
