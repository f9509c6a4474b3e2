#!/usr/bin/env node
// `make soak`: 1,000 client-side navigations across every view, with zero
// console errors expected (issue #9, part 5).
//
//   node scripts/soak.mjs [--navs 1000] [--every 100]
//
// Serves dist/ (built first when missing or stale, scripts/dist.mjs) with
// scripts/serve.mjs, opens it once in Debian's Chromium (1280 px), then
// navigates without ever reloading: by clicking a link with the target href
// when the page shows one, else an anchor added for the click (both go
// through the router's link handling), by the header search form, and by
// history back/forward. Views, in turn: home, home page 2, categories and
// their page 2, articles, tags, authors, search, static pages, the 404 view.
// Each navigation waits until the new view is rendered (URL, h1, and its
// first card, article title or search results) and no error view shows.
//
// Counts console errors, page errors, failed requests and HTTP errors; takes
// the JS heap (after GC) and wasm memory every --every navigations. Prints a
// summary and writes bench/soak.json. Exits 1 when any console error, page
// error or view failure occurred.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { ensureDist, repo } from './dist.mjs';
import { startServer } from './serve.mjs';
import { INIT, measureMemory, median } from './bench/browser.mjs';
import { parseCli, int } from './cli.mjs';

const log = (...a) => console.error('soak:', ...a);
const opts = parseCli({
  name: 'soak',
  usage: `Usage: node scripts/soak.mjs [--navs 1000] [--every 100]

Client navigations across every view of dist/, failing on any console error.

Options:
  --navs N    navigations (default: 1000)
  --every N   take the memory every N navigations (default: 100)
  -h, --help  show this help`,
  options: {
    navs: { type: 'string', default: '1000' },
    every: { type: 'string', default: '100' },
  },
  build: (v) => ({ navs: int(v.navs, '--navs', { min: 1 }), every: int(v.every, '--every', { min: 1 }) }),
});

const started = Date.now();
const dist = await ensureDist({ log });
const read = (rel) => JSON.parse(fs.readFileSync(path.join(dist, 'api', rel), 'utf8'));
const exists = (rel) => fs.existsSync(path.join(dist, 'api', rel));
const jsonFiles = (rel) => fs.readdirSync(path.join(dist, 'api', rel)).filter((f) => f.endsWith('.json'));
const dirs = (rel) => fs.readdirSync(path.join(dist, 'api', rel)).filter((f) => !f.includes('.'));

// ---------------------------------------------------------------------------
// The views, from the built API. Each: { kind, href, h1, first? }, where h1 is
// text the page's h1 contains and `first` a selector + text that must show.

const siteName = JSON.parse(fs.readFileSync(path.join(dist, 'config.json'), 'utf8')).site?.name ?? read('site.json').name;
const listing = (kind, href, rel) => {
  const l = read(rel);
  const name = l.kind.category?.name ?? l.kind.tag?.name ?? l.kind.author?.name;
  return { kind, href, h1: name ?? '', first: l.articles[0] && ['main .card__title', l.articles[0].title] };
};
const pools = {
  home: [{ kind: 'home', href: '/', h1: siteName, first: ['main .card--lead .card__title', read('home.json').lead.title] }],
  home_page_2: [listing('home_page_2', '/page/2', 'latest/page/2.json')],
  category: read('site.json').nav.map(({ slug }) => listing('category', `/category/${slug}`, `categories/${slug}/page/1.json`)),
  category_page_2: read('site.json')
    .nav.filter(({ slug }) => exists(`categories/${slug}/page/2.json`))
    .map(({ slug }) => listing('category_page_2', `/category/${slug}/page/2`, `categories/${slug}/page/2.json`)),
  article: jsonFiles('articles').map((f) => {
    const a = read(`articles/${f}`);
    return { kind: 'article', href: `/article/${a.slug}`, h1: a.title, first: ['h1.article__title', a.title] };
  }),
  tag: dirs('tags').map((slug) => listing('tag', `/tag/${slug}`, `tags/${slug}/page/1.json`)),
  author: dirs('authors').map((slug) => listing('author', `/author/${slug}`, `authors/${slug}/page/1.json`)),
  static_page: jsonFiles('pages').map((f) => {
    const p = read(`pages/${f}`);
    return { kind: 'static_page', href: `/${p.slug}`, h1: p.title };
  }),
  // A path no route matches: the 404 view, without a failing request.
  not_found: [{ kind: 'not_found', href: '/rubrique/introuvable/soak', h1: 'Page introuvable' }],
  // ASCII title words, so the URL is the query as typed.
  search: [...new Set(read('archive/articles/page/1.json').articles.flatMap((d) => d.title.toLowerCase().split(/[^\p{L}]+/u)))]
    .filter((w) => /^[a-z]{6,}$/.test(w))
    .slice(0, 40)
    .map((q) => ({ kind: 'search', href: `/search?q=${q}`, h1: 'Rechercher', query: q, first: ['.search-result, .search-page__empty', ''] })),
};
for (const [k, v] of Object.entries(pools)) if (!v.length) throw new Error(`soak: no ${k} view in the demo content`);

// One round visits every kind; back/forward pairs return to the view before.
const ROUND = [
  'home', 'article', 'category', 'back', 'forward', 'home_page_2', 'tag', 'article', 'author', 'search',
  'category_page_2', 'static_page', 'back', 'forward', 'article', 'not_found', 'home', 'search', 'category', 'article',
];
const cursor = Object.fromEntries(Object.keys(pools).map((k) => [k, 0]));
const nextOf = (kind) => pools[kind][cursor[kind]++ % pools[kind].length];

// ---------------------------------------------------------------------------
// Browser

const server = await startServer({ root: dist, port: 0, host: '127.0.0.1' });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--enable-precise-memory-info',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
await context.addInitScript(INIT);
const page = await context.newPage();
const cdp = await context.newCDPSession(page);

const problems = { console_errors: [], page_errors: [], failed_requests: [], error_responses: [], view_failures: [] };
page.on('console', (m) => m.type() === 'error' && problems.console_errors.push(m.text()));
page.on('pageerror', (e) => problems.page_errors.push(e.message));
page.on('requestfailed', (r) => problems.failed_requests.push(`${r.url()} ${r.failure()?.errorText}`));
page.on('response', (r) => r.status() >= 400 && problems.error_responses.push(`${r.status()} ${r.url()}`));

/** Resolves once `view` is rendered at its URL, with no error view. */
function rendered(view, timeout = 15_000) {
  return page.waitForFunction(
    ({ href, h1, first }) => {
      if (location.pathname + location.search !== href) return false;
      if (document.querySelector('main .error-view')) return 'error';
      const h = document.querySelector('main h1');
      if (!h || !h.textContent.includes(h1)) return false;
      if (!first) return true;
      const el = document.querySelector(first[0]);
      return !!el && el.textContent.includes(first[1]);
    },
    view,
    { timeout, polling: 'raf' },
  );
}

/** Client-side navigation to `view` by a link click or the search form. */
async function go(view) {
  if (view.kind === 'search') {
    // Typed, then sent with the form's button: the new page's h1 may take
    // the focus from the box (focus moves to it once a view is shown).
    await page.locator('#site-search').fill(view.query);
    await page.locator('form:has(#site-search) button[type=submit]').click();
    return 'form';
  }
  return page.evaluate((href) => {
    const link = [...document.querySelectorAll('a')].find((a) => a.getAttribute('href') === href && a.offsetParent);
    if (link) {
      link.click();
      return 'link';
    }
    const a = document.createElement('a');
    a.href = href;
    document.body.append(a);
    a.click();
    a.remove();
    return 'anchor';
  }, view.href);
}

const history = [];
let at = -1;
const times = [];
const byKind = {};
const via = { link: 0, anchor: 0, form: 0, history: 0 };
const memory = [];

await page.goto(`${origin}/`);
history.push(pools.home[0]);
at = 0;
await rendered(pools.home[0], 30_000);
await page.waitForFunction(() => window.__benchWasmMemory !== undefined, null, { timeout: 30_000 });
memory.push({ navigations: 0, ...(await measureMemory(page, cdp)) });
log(`serving ${dist} on ${origin}; ${opts.navs} navigations`);

let n = 0;
let step = 0;
while (n < opts.navs) {
  const kind = ROUND[step++ % ROUND.length];
  // Never the same view twice in a row (its old content would look rendered).
  let view;
  if (kind === 'back' || kind === 'forward') {
    const to = kind === 'back' ? at - 1 : at + 1;
    if (to < 0 || to >= history.length) continue;
    view = history[to];
  } else {
    view = nextOf(kind);
    if (view.href === history[at]?.href) view = nextOf(kind);
    if (view.href === history[at]?.href) continue;
  }
  const t0 = Date.now();
  try {
    if (kind === 'back') {
      await page.goBack({ waitUntil: 'commit' });
      at--;
      via.history++;
    } else if (kind === 'forward') {
      await page.goForward({ waitUntil: 'commit' });
      at++;
      via.history++;
    } else {
      via[await go(view)]++;
      history.length = at + 1;
      history.push(view);
      at++;
    }
    const state = await (await rendered(view)).jsonValue();
    if (state === 'error') throw new Error('the error view is shown');
    times.push(Date.now() - t0);
  } catch (err) {
    const seen = await page
      .evaluate(() => `at ${location.pathname}${location.search}, h1 "${document.querySelector('main h1')?.textContent ?? ''}"`)
      .catch(() => '');
    problems.view_failures.push(`#${n + 1} ${kind} ${view.href}: ${err.message.split('\n')[0]} (${seen})`);
    // Start again from a known view.
    await page.goto(`${origin}/`);
    history.length = 0;
    history.push(pools.home[0]);
    at = 0;
    await rendered(pools.home[0], 30_000).catch(() => {});
  }
  n++;
  byKind[kind] = (byKind[kind] ?? 0) + 1;
  if (n % opts.every === 0) {
    memory.push({ navigations: n, ...(await measureMemory(page, cdp)) });
    const m = memory.at(-1);
    log(
      `${n} navigations: heap ${(m.js_heap_used / 2 ** 20).toFixed(1)} MB, wasm ${(m.wasm_memory / 2 ** 20).toFixed(1)} MB, ` +
        `errors ${problems.console_errors.length + problems.page_errors.length}, failures ${problems.view_failures.length}`,
    );
  }
}

const chromiumVersion = browser.version();
await browser.close();
server.closeAllConnections?.();
await new Promise((r) => server.close(r));

// ---------------------------------------------------------------------------
// Report

const sorted = [...times].sort((a, b) => a - b);
const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? null;
const mb = (b) => (b == null ? null : Math.round((b / 2 ** 20) * 10) / 10);
const first = memory[1] ?? memory[0];
const last = memory.at(-1);
const report = {
  generated_at: new Date().toISOString(),
  duration_s: Math.round((Date.now() - started) / 1000),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version, chromium: chromiumVersion },
  navigations: n,
  by_kind: byKind,
  via,
  navigation_ms: { median: median(times), p95: pct(95), max: sorted.at(-1) ?? null },
  counts: Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, v.length])),
  samples: Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, v.slice(0, 20)])),
  memory,
  heap_growth_mb: {
    js_heap: mb(last.js_heap_used - first.js_heap_used),
    wasm_memory: mb(last.wasm_memory - first.wasm_memory),
    from_navigations: first.navigations,
    to_navigations: last.navigations,
  },
};
fs.mkdirSync(path.join(repo, 'bench'), { recursive: true });
fs.writeFileSync(path.join(repo, 'bench/soak.json'), `${JSON.stringify(report, null, 2)}\n`);

const c = report.counts;
console.log(`soak: ${n} client navigations in ${report.duration_s} s (${Object.entries(byKind).map(([k, v]) => `${k} ${v}`).join(', ')})`);
console.log(`soak: navigation median ${report.navigation_ms.median} ms, p95 ${report.navigation_ms.p95} ms, max ${report.navigation_ms.max} ms`);
console.log(
  `soak: JS heap ${mb(memory[0].js_heap_used)} → ${mb(last.js_heap_used)} MB, wasm memory ${mb(memory[0].wasm_memory)} → ${mb(last.wasm_memory)} MB ` +
    `(after ${first.navigations} → ${last.navigations} navigations: ${report.heap_growth_mb.js_heap >= 0 ? '+' : ''}${report.heap_growth_mb.js_heap} MB heap, +${report.heap_growth_mb.wasm_memory} MB wasm)`,
);
console.log(
  `soak: ${c.console_errors} console errors, ${c.page_errors} page errors, ${c.view_failures} view failures, ` +
    `${c.failed_requests} failed requests, ${c.error_responses} HTTP errors; bench/soak.json written`,
);
for (const [k, v] of Object.entries(report.samples)) for (const s of v.slice(0, 5)) console.log(`  ${k}: ${s}`);
process.exit(c.console_errors + c.page_errors + c.view_failures > 0 ? 1 : 0);
