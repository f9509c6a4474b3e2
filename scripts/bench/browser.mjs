// Client navigation and memory measurements with Playwright in Debian's
// Chromium, against a served Kiosque dist (static demo API).
//
// Timing is taken inside the page: performance.now() just before the card's
// click() and at the first animation frame where the new view's h1 is in the
// DOM (h1.article__title for an article, the home h1 + cards for home).
// Memory: JS heap = CDP Runtime.getHeapUsage().usedSize after
// HeapProfiler.collectGarbage; wasm memory = the byteLength of the
// WebAssembly.Memory exported by the module, captured from the `wasm` exports
// object that trunk's loader passes in the TrunkApplicationStarted event
// (an init script stores event.detail.wasm.memory on window).
import { chromium } from '@playwright/test';

export const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** An init script: keeps the wasm memory on window once trunk starts the app. */
// The navigation and memory measures start from the running app, so the app
// starts on arrival here (`__kiosqueEager`, see public/start.js); Lighthouse
// measures the page as a reader gets it, without this.
export const INIT = () => {
  window.__kiosqueEager = true;
  addEventListener('TrunkApplicationStarted', (e) => {
    window.__benchWasmMemory = e.detail?.wasm?.memory ?? null;
  });
};

// In the page: click the link with this href (or selector) and resolve with
// the ms until `ready()` holds at an animation frame.
async function clickAndTime(page, { selector, href, expectPath, view }) {
  return page.evaluate(
    ({ selector, href, expectPath, view }) =>
      new Promise((resolve, reject) => {
        const link = href
          ? [...document.querySelectorAll('a')].find((a) => a.getAttribute('href') === href)
          : document.querySelector(selector);
        if (!link) return reject(new Error(`no link ${href ?? selector} on ${location.pathname}`));
        if (!window.__benchDocument) return reject(new Error('not the document the bench loaded (a full page load happened)'));
        const ready = () => {
          if (location.pathname !== expectPath) return false;
          if (view === 'article') return !!document.querySelector('h1.article__title');
          return !!document.querySelector('h1') && !!document.querySelector('a.card__link') && !document.querySelector('h1.article__title');
        };
        const deadline = performance.now() + 15000;
        performance.mark('bench-click');
        const t0 = performance.now();
        link.click();
        const tick = () => {
          if (ready()) {
            performance.mark('bench-ready');
            return resolve(performance.now() - t0);
          }
          if (performance.now() > deadline) return reject(new Error(`timeout waiting for ${expectPath}`));
          requestAnimationFrame(tick);
        };
        // Check once synchronously-after-click in a microtask, then every frame.
        queueMicrotask(() => (ready() ? resolve(performance.now() - t0) : requestAnimationFrame(tick)));
      }),
    { selector, href, expectPath, view },
  );
}

const goHome = (page) => clickAndTime(page, { selector: 'a.site-header__name', expectPath: '/', view: 'home' });
const openArticle = (page, href) => clickAndTime(page, { href, expectPath: href, view: 'article' });

// A prerendered home shows its cards before the wasm runs: clicks only
// navigate client-side once the app has hydrated (or rendered), which it
// announces in window.__kiosqueStart (src/boot.rs). Resolves to that word.
async function loadHome(page, origin) {
  await page.goto(`${origin}/`);
  await page.waitForSelector('a.card__link[href^="/article/"]', { timeout: 30000 });
  await page.waitForFunction(() => window.__benchWasmMemory !== undefined && window.__kiosqueStart, null, { timeout: 30000 });
  // Every later click must stay in this document: a full load would lose it.
  await page.evaluate(() => { window.__benchDocument = true; });
  return page.evaluate(() => window.__kiosqueStart);
}

async function homeArticleLinks(page) {
  return page.$$eval('a.card__link[href^="/article/"]', (as) => [...new Set(as.map((a) => a.getAttribute('href')))]);
}

/** JS heap (after two GCs) and wasm memory of `page`. */
export async function measureMemory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__benchWasmMemory?.buffer?.byteLength ?? null);
  const precise = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? null);
  return { js_heap_used: heap.usedSize, js_heap_total: heap.totalSize, performance_memory_used: precise, wasm_memory: wasm };
}

/**
 * Runs the navigation and memory benchmarks. Returns plain data.
 * opts: { origin, navRuns = 20, memNavs = [100, 200], log }
 */
export async function runBrowserBench({ origin, navRuns = 20, memNavs = 200, log = (m) => console.error('bench:', m) }) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--enable-precise-memory-info',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const viewport = { width: 360, height: 780 };
  const out = { viewport, uncached_ms: [], cached_ms: [], home_cached_ms: [], memory: [], start: {} };
  const started = (how) => (out.start[how] = (out.start[how] ?? 0) + 1);
  try {
    // Uncached: a fresh context (empty HTTP cache, fresh app) per run; click
    // a different home card each time, whose article was never fetched.
    let links = null;
    for (let i = 0; i < navRuns; i++) {
      const ctx = await browser.newContext({ viewport });
      await ctx.addInitScript(INIT);
      const page = await ctx.newPage();
      started(await loadHome(page, origin));
      links ??= await homeArticleLinks(page);
      out.uncached_ms.push(await openArticle(page, links[i % links.length]));
      await ctx.close();
    }
    log(`uncached navigation median ${median(out.uncached_ms)?.toFixed(1)} ms`);

    // Cached: one context; every article visited once first, then
    // home -> article (both already fetched) by link clicks.
    const ctx = await browser.newContext({ viewport });
    await ctx.addInitScript(INIT);
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    started(await loadHome(page, origin));
    const few = links.slice(0, 4);
    for (const href of few) {
      await openArticle(page, href);
      await goHome(page);
    }
    for (let i = 0; i < navRuns; i++) {
      out.cached_ms.push(await openArticle(page, few[i % few.length]));
      out.home_cached_ms.push(await goHome(page));
    }
    log(`cached navigation median ${median(out.cached_ms)?.toFixed(1)} ms`);

    // Memory: a fresh page, measured after 0, 100 and 200 client navigations
    // (each click is one navigation; alternating home and a few articles).
    await page.close();
    const mpage = await ctx.newPage();
    const mcdp = await ctx.newCDPSession(mpage);
    started(await loadHome(mpage, origin));
    out.memory.push({ navigations: 0, ...(await measureMemory(mpage, mcdp)) });
    let n = 0;
    let k = 0;
    while (n < memNavs) {
      await openArticle(mpage, few[k++ % few.length]);
      n++;
      await goHome(mpage);
      n++;
      if (n % 100 === 0) {
        out.memory.push({ navigations: n, ...(await measureMemory(mpage, mcdp)) });
        log(`memory after ${n} navigations: ${JSON.stringify(out.memory.at(-1))}`);
      }
    }
    void cdp;
  } finally {
    await browser.close();
  }
  out.uncached_median_ms = median(out.uncached_ms);
  out.cached_median_ms = median(out.cached_ms);
  out.home_cached_median_ms = median(out.home_cached_ms);
  const at = (n) => out.memory.find((m) => m.navigations === n);
  if (at(100) && at(200)) {
    const g = (a, b) => (a ? ((b - a) / a) * 100 : null);
    out.growth_100_200_pct = {
      js_heap: g(at(100).js_heap_used, at(200).js_heap_used),
      wasm_memory: g(at(100).wasm_memory, at(200).wasm_memory),
      total: g(at(100).js_heap_used + at(100).wasm_memory, at(200).js_heap_used + at(200).wasm_memory),
    };
  }
  return out;
}
