#!/usr/bin/env node
// `make bench`: the performance report of Kiosque (issue "performance").
//
//   node scripts/bench/run.mjs [--dist DIR] [--runs 3] [--nav-runs 20] [--mem-navs 200]
//                              [--no-lighthouse] [--no-wordpress]
//   node scripts/bench/run.mjs --render-only   (rewrites bench/report.md from bench/report.json)
//
// Without --dist it uses dist/, built first (trunk build --release) when it is
// missing or older than its sources (scripts/dist.mjs).
// It serves the dist with scripts/serve.mjs on free ports (the static demo API,
// and a copy whose config.json points at the test WordPress), starts the test
// WordPress (scripts/wordpress/up.sh, twentytwentythree active), and writes
// bench/report.md and bench/report.json; raw Lighthouse JSON goes to bench/tmp/.
// It is a report: missed targets never fail it. It exits non-zero only when a
// measurement could not be made (the tooling broke), after writing the report.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDist, sh } from '../dist.mjs';
import { startServer } from '../serve.mjs';
import { bundleFiles, fileSizes } from '../size-budget.mjs';
import { lighthouseOnce } from './lighthouse.mjs';
import { runBrowserBench, median } from './browser.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const benchDir = path.join(repo, 'bench');
const tmpDir = path.join(benchDir, 'tmp');
const WP_ORIGIN = 'http://127.0.0.1:8081';
const KB = 1024;
const log = (...a) => console.error('bench:', ...a);

// ---------------------------------------------------------------------------
// Arguments

const opts = { dist: null, runs: 3, navRuns: 20, memNavs: 200, lighthouse: true, wordpress: true };
{
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dist') opts.dist = path.resolve(argv[++i]);
    else if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a === '--nav-runs') opts.navRuns = Number(argv[++i]);
    else if (a === '--mem-navs') opts.memNavs = Number(argv[++i]);
    else if (a === '--no-lighthouse') opts.lighthouse = false;
    else if (a === '--no-wordpress') opts.wordpress = false;
    else if (a === '--render-only') opts.renderOnly = true;
    else {
      console.error(`usage: node scripts/bench/run.mjs [--dist DIR] [--runs N] [--nav-runs N] [--mem-navs N] [--no-lighthouse] [--no-wordpress] [--render-only]`);
      process.exit(2);
    }
  }
}

if (opts.renderOnly) {
  const r = JSON.parse(fs.readFileSync(path.join(benchDir, 'report.json'), 'utf8'));
  fs.writeFileSync(path.join(benchDir, 'report.md'), renderMarkdown(r));
  log('rewrote bench/report.md from bench/report.json');
  process.exit(0);
}

const errors = [];
const started = Date.now();
const timings = {};
async function step(name, fn) {
  const t = Date.now();
  try {
    return await fn();
  } catch (err) {
    errors.push(`${name}: ${err.message}`);
    log(`${name} FAILED: ${err.stack || err.message}`);
    return null;
  } finally {
    timings[name] = Math.round((Date.now() - t) / 1000);
    log(`${name}: ${timings[name]} s`);
  }
}

// ---------------------------------------------------------------------------
// 1. Build

let dist = opts.dist;
if (!dist) {
  dist = path.join(repo, 'dist');
  await step('build', () => ensureDist({ log }));
}
if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error(`bench: no build in ${dist}`);
  process.exit(1);
}
fs.mkdirSync(tmpDir, { recursive: true });

// ---------------------------------------------------------------------------
// 2. Bundle sizes

const bundle = await step('bundle', () => {
  const files = bundleFiles(dist).map((f) => ({ name: f.name, kind: f.kind, ...fileSizes(f.file) }));
  const sum = (fs_, k) => fs_.reduce((s, f) => s + f[k], 0);
  const crit = files;
  const wasmJs = files.filter((f) => f.kind !== 'css');
  return {
    files,
    critical_path: { raw: sum(crit, 'raw'), gzip: sum(crit, 'gzip'), brotli: sum(crit, 'brotli') },
    wasm_js: { raw: sum(wasmJs, 'raw'), gzip: sum(wasmJs, 'gzip'), brotli: sum(wasmJs, 'brotli') },
  };
});

// ---------------------------------------------------------------------------
// 3. Servers: static demo API, and a copy of the dist pointed at WordPress.

const baseConfig = JSON.parse(fs.readFileSync(path.join(dist, 'config.json'), 'utf8'));
const wpSite = path.join(tmpDir, 'site-wordpress');
await step('copy-dist', () => {
  fs.rmSync(wpSite, { recursive: true, force: true });
  fs.cpSync(dist, wpSite, { recursive: true, preserveTimestamps: true });
  for (const ext of ['', '.br', '.gz']) fs.rmSync(path.join(wpSite, `config.json${ext}`), { force: true });
  const cfg = { ...baseConfig, api: { kind: 'wordpress', base_url: `${WP_ORIGIN}/wp-json` } };
  fs.writeFileSync(path.join(wpSite, 'config.json'), `${JSON.stringify(cfg, null, 2)}\n`);
});
const staticServer = await startServer({ root: dist, port: 0, host: '127.0.0.1' });
const wpServer = await startServer({ root: wpSite, port: 0, host: '127.0.0.1' });
const staticOrigin = `http://127.0.0.1:${staticServer.address().port}`;
const wpKiosqueOrigin = `http://127.0.0.1:${wpServer.address().port}`;
log(`serving ${dist} on ${staticOrigin}, the WordPress-backed copy on ${wpKiosqueOrigin}`);

// ---------------------------------------------------------------------------
// 4. WordPress (twentytwentythree as the front-end theme)

let wordpress = null;
if (opts.wordpress) {
  wordpress = await step('wordpress-up', async () => {
    await sh(path.join(repo, 'scripts/wordpress/up.sh'), []);
    const php = [
      '$_SERVER["HTTP_HOST"]="127.0.0.1:8081"; $_SERVER["SERVER_NAME"]="127.0.0.1";',
      '$_SERVER["REQUEST_URI"]="/"; $_SERVER["SERVER_PROTOCOL"]="HTTP/1.1";',
      'require "/usr/share/wordpress/wp-load.php";',
      'if (!wp_get_theme("twentytwentythree")->exists()) { fwrite(STDERR, "twentytwentythree is not installed\\n"); exit(1); }',
      'if (get_stylesheet() !== "twentytwentythree") { switch_theme("twentytwentythree"); echo "switched to twentytwentythree"; }',
      'else { echo "twentytwentythree already active"; }',
    ].join(' ');
    const r = spawnSync('php', ['-r', php], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`theme activation failed: ${r.stderr || r.stdout}`);
    log(r.stdout.trim());
    const v = spawnSync('php', ['-r', 'require "/usr/share/wordpress/wp-includes/version.php"; echo $wp_version;'], { encoding: 'utf8' });
    return { origin: WP_ORIGIN, theme: 'twentytwentythree', version: v.stdout.trim() || null };
  });
}

// ---------------------------------------------------------------------------
// 5. Pages

function pickArticle() {
  const preferred = 'inflation-tunisie-menages-reinventent-panier-de-rentree';
  if (fs.existsSync(path.join(dist, 'api/articles', `${preferred}.json`))) return preferred;
  const f = fs.readdirSync(path.join(dist, 'api/articles')).find((n) => n.endsWith('.json'));
  return f.replace(/\.json$/, '');
}
const slug = pickArticle();
const category = 'maghreb';
const pages = {
  home: { kiosque: '/', wordpress: '/' },
  category: { kiosque: `/category/${category}`, wordpress: `/category/${category}/` },
  article: { kiosque: `/article/${slug}`, wordpress: `/${slug}/` },
};
const targets = [
  { id: 'kiosque_static', label: 'Kiosque (static demo API)', origin: staticOrigin, kind: 'kiosque' },
];
if (wordpress) {
  targets.push({ id: 'kiosque_wordpress', label: 'Kiosque on the test WordPress', origin: wpKiosqueOrigin, kind: 'kiosque' });
  targets.push({ id: 'wordpress_theme', label: 'WordPress twentytwentythree', origin: WP_ORIGIN, kind: 'wordpress' });
}

// ---------------------------------------------------------------------------
// 6. Lighthouse: rounds over every (target, page) so drift hits all alike.

const METRICS = ['score', 'fcp_ms', 'lcp_ms', 'tbt_ms', 'cls', 'bytes'];
let lighthouse = null;
if (opts.lighthouse) {
  lighthouse = await step('lighthouse', async () => {
    const raw = {};
    for (let r = 1; r <= opts.runs; r++) {
      for (const t of targets) {
        for (const [pageId, p] of Object.entries(pages)) {
          const url = t.origin + p[t.kind];
          const outFile = path.join(tmpDir, 'lighthouse', `${t.id}-${pageId}-${r}.json`);
          const res = await lighthouseOnce({ repo, url, outFile });
          log(`lighthouse ${r}/${opts.runs} ${t.id} ${pageId}: ${res.error ?? `score ${res.score}, LCP ${Math.round(res.lcp_ms)} ms, TBT ${Math.round(res.tbt_ms)} ms, CLS ${res.cls?.toFixed(3)}, ${res.bytes} B`}`);
          ((raw[t.id] ??= {})[pageId] ??= []).push({ url, ...res });
        }
      }
    }
    const out = {};
    for (const t of targets) {
      out[t.id] = { label: t.label, pages: {} };
      for (const pageId of Object.keys(pages)) {
        const runs = raw[t.id][pageId];
        const ok = runs.filter((x) => !x.error && !x.runtime_error);
        const med = Object.fromEntries(METRICS.map((m) => [m, median(ok.map((x) => x[m]))]));
        out[t.id].pages[pageId] = { url: runs[0].url, runs_ok: ok.length, median: med, runs };
        if (ok.length < runs.length) errors.push(`lighthouse ${t.id} ${pageId}: ${runs.length - ok.length} failed run(s)`);
      }
    }
    return out;
  });
}

// ---------------------------------------------------------------------------
// 7. Client navigation and memory (Kiosque, static demo API)

const browser = await step('navigation-memory', () =>
  runBrowserBench({ origin: staticOrigin, navRuns: opts.navRuns, memNavs: opts.memNavs, log }),
);

staticServer.close();
wpServer.close();

// ---------------------------------------------------------------------------
// 8. Targets, ratios, report


const targetsOut = [];
function target(name, goal, value, ok, by, unit) {
  targetsOut.push({ name, goal, value, met: value == null ? null : ok, by, unit });
}
if (bundle) {
  const v = bundle.wasm_js.brotli;
  target('Initial wasm + JS, brotli', '≤ 120 KB (122 880 B)', v, v <= 120 * KB, v - 120 * KB, 'B');
}
const kArt = lighthouse?.kiosque_static?.pages.article.median;
if (kArt) {
  target('Lighthouse mobile, article: performance', '≥ 95', kArt.score, kArt.score >= 95, kArt.score - 95, 'points');
  target('Lighthouse mobile, article: CLS', '≤ 0.01', kArt.cls, kArt.cls <= 0.01, kArt.cls - 0.01, '');
  target('Lighthouse mobile, article: TBT', '≤ 100 ms', kArt.tbt_ms, kArt.tbt_ms <= 100, kArt.tbt_ms - 100, 'ms');
}
if (browser) {
  const v = browser.cached_median_ms;
  target('Cached route change (card click → h1), median', '≤ 50 ms', v, v <= 50, v - 50, 'ms');
  const g = browser.growth_100_200_pct?.total;
  if (g != null) target('Memory growth 100 → 200 navigations (JS heap + wasm)', '≤ 5 %', g, g <= 5, g - 5, '%');
}

const ratios = {};
if (lighthouse?.wordpress_theme) {
  for (const kid of ['kiosque_wordpress', 'kiosque_static']) {
    if (!lighthouse[kid]) continue;
    ratios[kid] = {};
    for (const pageId of Object.keys(pages)) {
      const k = lighthouse[kid].pages[pageId].median;
      const w = lighthouse.wordpress_theme.pages[pageId].median;
      const r = (a, b) => (a == null || b == null || b === 0 ? null : a / b);
      ratios[kid][pageId] = { lcp: r(k.lcp_ms, w.lcp_ms), tbt: r(k.tbt_ms, w.tbt_ms), bytes: r(k.bytes, w.bytes) };
    }
  }
}

const report = {
  generated_at: new Date().toISOString(),
  duration_s: Math.round((Date.now() - started) / 1000),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
  dist: path.relative(repo, dist) || dist,
  settings: {
    lighthouse: 'lighthouse@12 CLI, mobile defaults (simulated throttling), --only-categories=performance, ' +
      'CHROME_PATH=/usr/bin/chromium, --chrome-flags="--headless=new --no-sandbox --disable-gpu"',
    runs: opts.runs, nav_runs: opts.navRuns, mem_navs: opts.memNavs,
    pages, article_slug: slug, category,
  },
  wordpress, bundle, lighthouse, ratios, navigation_memory: browser, targets: targetsOut, errors, timings,
};
fs.mkdirSync(benchDir, { recursive: true });
fs.writeFileSync(path.join(benchDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
fs.writeFileSync(path.join(benchDir, 'report.md'), renderMarkdown(report));
log(`wrote bench/report.md and bench/report.json in ${report.duration_s} s`);
if (errors.length) {
  log(`some measurements failed:\n  ${errors.join('\n  ')}`);
  process.exitCode = 1;
}

// ---------------------------------------------------------------------------

function renderMarkdown(r) {
  const n = (x, d = 0) => (x == null ? '–' : Number(x).toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }));
  const kb = (b) => (b == null ? '–' : `${(b / KB).toFixed(1)} KB`);
  const ms = (x) => (x == null ? '–' : `${n(x)} ms`);
  const x = (v) => (v == null ? 'n/a' : `${v.toFixed(2)}×`);
  const L = [];
  L.push('# Kiosque performance report', '');
  L.push(`Generated ${r.generated_at} by \`make bench\` (\`scripts/bench/run.mjs\`) in ${r.duration_s} s on ${r.machine.cpus} × ${r.machine.model}, Node ${r.machine.node}. Bundle: \`${r.dist}\`.`);
  L.push('Raw Lighthouse JSON: `bench/tmp/lighthouse/` (not committed).', '');
  if (r.errors.length) L.push('**Measurement errors:**', '', ...r.errors.map((e) => `- ${e}`), '');

  L.push('## Targets (from the performance issue)', '');
  L.push('| Target | Goal | Measured | Result |', '|---|---|---|---|');
  for (const t of r.targets) {
    const val = t.unit === 'B' ? `${n(t.value)} B (${kb(t.value)})` : t.unit === '%' ? `${n(t.value, 2)} %` : t.unit === '' ? n(t.value, 3) : `${n(t.value, t.unit === 'ms' ? 1 : 0)}${t.unit === 'ms' ? ' ms' : ''}`;
    const by = t.unit === 'B' ? `${kb(Math.abs(t.by))}` : t.unit === '' ? n(Math.abs(t.by), 3) : `${n(Math.abs(t.by), 1)}${t.unit === 'ms' ? ' ms' : t.unit === '%' ? ' points' : ' points'}`;
    const res = t.met == null ? 'not measured' : t.met ? `**met** (margin ${by})` : `**missed** by ${by}${t.unit === 'B' ? ` (${n((t.value / (120 * KB)), 1)}× the goal)` : ''}`;
    L.push(`| ${t.name} | ${t.goal} | ${val} | ${res} |`);
  }
  L.push('');

  if (r.bundle) {
    L.push('## Bundle', '', 'Every wasm, JS and CSS file of the dist (all three are loaded by `index.html` before the first view renders). gzip level 9, brotli quality 11 (Node zlib).', '');
    L.push('| File | Raw | gzip | brotli |', '|---|---:|---:|---:|');
    for (const f of r.bundle.files) L.push(`| \`${f.name}\` | ${n(f.raw)} | ${n(f.gzip)} | ${n(f.brotli)} |`);
    const c = r.bundle.critical_path;
    const wj = r.bundle.wasm_js;
    L.push(`| **wasm + JS** | ${n(wj.raw)} | ${n(wj.gzip)} | **${n(wj.brotli)}** (${kb(wj.brotli)}) |`);
    L.push(`| **Critical path (wasm + JS + CSS)** | ${n(c.raw)} | ${n(c.gzip)} | **${n(c.brotli)}** (${kb(c.brotli)}) |`, '');
  }

  if (r.lighthouse) {
    L.push(`## Lighthouse (mobile, simulated throttling), median of ${r.settings.runs} run${r.settings.runs === 1 ? '' : 's'}`, '');
    L.push(`Pages: home, category \`${r.settings.category}\` page 1, article \`${r.settings.article_slug}\`. ` +
      'Kiosque on WordPress is the same dist with only `config.json` pointing at `http://127.0.0.1:8081/wp-json`; ' +
      'the peer is the same WordPress rendering the same content with its twentytwentythree theme (nginx + php-fpm, gzip, no page cache). Every metric is the median of its own runs. ' +
      'Caveat: Lighthouse\'s simulated FCP only waits for render-blocking resources, so for Kiosque (an empty body until the wasm, fetched by a module script, has run) it is optimistic; LCP is the number that includes the wasm.', '');
    L.push('| Site | Page | Score | FCP | LCP | TBT | CLS | Bytes |', '|---|---|---:|---:|---:|---:|---:|---:|');
    for (const t of Object.values(r.lighthouse)) {
      for (const [pid, p] of Object.entries(t.pages)) {
        const m = p.median;
        L.push(`| ${t.label} | ${pid} | ${n(m.score)} | ${ms(m.fcp_ms)} | ${ms(m.lcp_ms)} | ${ms(m.tbt_ms)} | ${n(m.cls, 3)} | ${kb(m.bytes)} |`);
      }
    }
    L.push('');
    if (Object.keys(r.ratios).length) {
      L.push('### Ratios Kiosque / WordPress theme (below 1 means Kiosque is better)', '');
      L.push('| Kiosque variant | Page | LCP | TBT | Bytes |', '|---|---|---:|---:|---:|');
      for (const [kid, pagesR] of Object.entries(r.ratios)) {
        for (const [pid, q] of Object.entries(pagesR)) L.push(`| ${r.lighthouse[kid].label} | ${pid} | ${x(q.lcp)} | ${x(q.tbt)} | ${x(q.bytes)} |`);
      }
      L.push('', 'A TBT ratio is n/a when WordPress\'s median TBT is 0 ms.', '');
    }
  }

  const b = r.navigation_memory;
  if (b) {
    L.push('## Client navigation (Kiosque, static demo API, 360 × 780, Playwright + Debian Chromium)', '');
    L.push('Measured in the page: `performance.now()` (with `performance.mark`) just before the card link\'s `click()`, then at the first animation frame where the new view\'s `h1` is in the DOM. ' +
      'Uncached: a fresh browser context per run (empty HTTP cache, article never fetched), a different home card each time. ' +
      'Cached: the same few articles, each fetched once before, reached from home by link clicks. No CPU throttling.', '');
    L.push('| Navigation | Runs | Median | Min | Max |', '|---|---:|---:|---:|---:|');
    const row = (name, xs) => L.push(`| ${name} | ${xs.length} | ${ms(median(xs))} | ${ms(Math.min(...xs))} | ${ms(Math.max(...xs))} |`);
    row('card → article h1, uncached', b.uncached_ms);
    row('card → article h1, cached', b.cached_ms);
    row('header link → home, cached', b.home_cached_ms);
    L.push('');
    L.push('## Memory after scripted client navigations', '');
    L.push('One page, link clicks alternating home and 4 articles; measured after a forced GC (CDP `HeapProfiler.collectGarbage`). ' +
      'JS heap: CDP `Runtime.getHeapUsage().usedSize` (`performance.memory.usedJSHeapSize` with `--enable-precise-memory-info` is in the JSON). ' +
      'Wasm: `WebAssembly.Memory.buffer.byteLength` of the module\'s exported memory, taken from `event.detail.wasm.memory` of trunk\'s `TrunkApplicationStarted` event by an init script ' +
      '(`window.wasmBindings` holds only the bindings, not the memory). Wasm memory only grows, in 64 KiB pages, and never shrinks.', '');
    L.push('| Navigations | JS heap used | Wasm memory | Total |', '|---:|---:|---:|---:|');
    for (const m of b.memory) L.push(`| ${m.navigations} | ${kb(m.js_heap_used)} | ${kb(m.wasm_memory)} | ${kb(m.js_heap_used + m.wasm_memory)} |`);
    const g = b.growth_100_200_pct;
    if (g) {
      const m100 = b.memory.find((m) => m.navigations === 100);
      L.push('', `Growth from 100 to 200 navigations: JS heap ${n(g.js_heap, 2)} %, wasm ${n(g.wasm_memory, 2)} %, total ${n(g.total, 2)} % (the target is judged on the total). ` +
        `The wasm figure moves in whole 64 KiB pages: one page is ${n((65536 / m100.wasm_memory) * 100, 2)} % of the wasm memory at 100 navigations, so a single page of growth (allocator high-water mark) looks like a few per cent; repeated runs are needed to tell a slow leak from noise.`);
    }
    L.push('');
  }

  L.push('## Where the gap is, and the levers', '');
  if (r.bundle) {
    L.push(`The first view cannot render before ${kb(r.bundle.wasm_js.brotli)} of brotli wasm + JS has downloaded, compiled and run ` +
      `(goal 120 KB): the bundle is the main cost of the first load on a mobile connection; on simulated slow 4G every 100 KB costs ≈ 0.5 s before anything is fetched. Levers from the issue:`, '');
  }
  L.push(
    '- start the first data fetch (`site.json`, `home.json` or the article) from `index.html`, in parallel with the wasm download (like `config.json` is already preloaded);',
    '- `<link rel=preload>` / `modulepreload` for what the first view needs, `fetchpriority=high` on the LCP image;',
    '- inline the critical CSS, load the rest without blocking;',
    '- skeletons of the right size so late content does not shift (CLS);',
    '- `srcset`/`sizes` so phones download small images, and lazy loading below the fold (byte weight: on the article, Lighthouse counts the article\'s own image plus 6 more 800 w images of the rail and related cards, where the WordPress theme\'s article page has only its 768 w featured image);',
    '- trim dependencies and monomorphisation: `scripts/wasm-sizes.py` attributes code bytes to modules (`tachys` views ≈ 29 %, `reactive_graph` ≈ 12 %, `serde_json` + `serde_path_to_error` ≈ 8 %);',
    '- defer work not needed for first paint (search index, most-read, related) until after it;',
    '- prerendering the HTML of each page (a later issue) removes the wait for wasm from FCP/LCP altogether.',
    '',
  );
  L.push('## Step times (s)', '', Object.entries(r.timings).map(([k, v]) => `${k} ${v}`).join(' · '), '');
  return `${L.join('\n')}\n`;
}
