#!/usr/bin/env node
// `make bench`: the performance report of Kiosque (issue "performance").
//
//   node scripts/bench/run.mjs [--dist DIR] [--runs 3] [--nav-runs 20] [--mem-navs 200]
//                              [--no-lighthouse] [--no-wordpress] [--port N]
//                              [--no-prerender | --compare-csr]
//   node scripts/bench/run.mjs --render-only   (rewrites bench/report.md from bench/report.json)
//
// Without --dist it uses dist/, built first (trunk build --release) when it is
// missing or older than its sources (scripts/dist.mjs).
// The dist itself is never modified: it is copied into bench/tmp/ twice, once
// as is (the static demo API) and once with a config.json pointing at the test
// WordPress (scripts/wordpress/up.sh, twentytwentythree active), and each copy
// is prerendered (`cargo run -p kiosque-cli -- prerender --dist COPY
// --site-url ORIGIN`, the origin it is then served from), as a deploy would.
// --no-prerender measures client rendering only (copies without prerendered
// pages: every route is served the shell); --compare-csr measures both.
// Copies are served with scripts/serve.mjs on free ports, or on --port N and
// the next ones. Writes bench/report.md and bench/report.json; raw Lighthouse
// JSON goes to bench/tmp/.
// It is a report: missed targets never fail it. It exits non-zero only when a
// measurement could not be made (the tooling broke), after writing the report.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDist, sh } from '../dist.mjs';
import { startServer } from '../serve.mjs';
import net from 'node:net';
import { bundleFiles, fileSizes, flavors } from '../size-budget.mjs';
import { lighthouseOnce } from './lighthouse.mjs';
import { runBrowserBench, median } from './browser.mjs';
import { runIntentBench, intentMarkdown } from './intent.mjs';
import { parseCli, int, UsageError } from '../cli.mjs';
import { judgeTargets } from './targets.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const benchDir = path.join(repo, 'bench');
const tmpDir = path.join(benchDir, 'tmp');
const WP_ORIGIN = 'http://127.0.0.1:8081';
const KB = 1024;
const log = (...a) => console.error('bench:', ...a);

// ---------------------------------------------------------------------------
// Arguments

const USAGE = `Usage: node scripts/bench/run.mjs [options]
       node scripts/bench/run.mjs --render-only

Writes bench/report.md and bench/report.json (see the top of this file).

Options:
  --dist DIR        measure this bundle (default: dist/, built when stale)
  --runs N          Lighthouse runs per page (default: 3)
  --nav-runs N      client navigation runs (default: 20)
  --mem-navs N      navigations for the memory measure (default: 200)
  --intent-runs N   throttled touch-to-next-page runs (default: 20; 0 skips)
  --no-lighthouse   skip Lighthouse
  --no-wordpress    skip the test WordPress
  --port N          serve the copies on N, N+1, … (default: free ports)
  --no-prerender    measure client rendering only (every route gets the shell)
  --compare-csr     measure prerendered and client rendering both
  --render-only     rewrite bench/report.md from bench/report.json
  -h, --help        show this help`;

// parseArgs in Node 20 has no negated booleans: each --no-X is its own flag.
const opts = parseCli({
  name: 'bench',
  usage: USAGE,
  options: {
    dist: { type: 'string' },
    runs: { type: 'string', default: '3' },
    'nav-runs': { type: 'string', default: '20' },
    'mem-navs': { type: 'string', default: '200' },
    'intent-runs': { type: 'string', default: '20' },
    'no-lighthouse': { type: 'boolean', default: false },
    'no-wordpress': { type: 'boolean', default: false },
    port: { type: 'string', default: '0' },
    'no-prerender': { type: 'boolean', default: false },
    'compare-csr': { type: 'boolean', default: false },
    'render-only': { type: 'boolean', default: false },
  },
  build: (v) => {
    if (v['no-prerender'] && v['compare-csr']) throw new UsageError('--compare-csr needs prerendering (drop --no-prerender)');
    return {
      dist: v.dist === undefined ? null : path.resolve(v.dist),
      runs: int(v.runs, '--runs', { min: 1 }),
      navRuns: int(v['nav-runs'], '--nav-runs', { min: 1 }),
      memNavs: int(v['mem-navs'], '--mem-navs'),
      intentRuns: int(v['intent-runs'], '--intent-runs'),
      lighthouse: !v['no-lighthouse'],
      wordpress: !v['no-wordpress'],
      port: int(v.port, '--port', { max: 65535 }),
      prerender: !v['no-prerender'],
      compareCsr: v['compare-csr'],
      renderOnly: v['render-only'],
    };
  },
});

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
  // A prerendered home leaves its data script (data-<hash>.js) at the root:
  // page data, not bundle.
  const files = bundleFiles(dist)
    .filter((f) => !/^data-[0-9a-f]+\.js$/.test(f.name))
    .map((f) => ({ name: f.name, kind: f.kind, ...fileSizes(f.file) }));
  const sum = (fs_, k) => fs_.reduce((s, f) => s + f[k], 0);
  const totals = (fs_) => ({ raw: sum(fs_, 'raw'), gzip: sum(fs_, 'gzip'), brotli: sum(fs_, 'brotli') });
  // One bundle flavor per source: a site loads the shared files and its own.
  const own = Object.values(flavors(dist)).flatMap((f) => [f.js, f.wasm]);
  const per = Object.fromEntries(
    Object.entries(flavors(dist)).map(([kind, f]) => {
      const crit = files.filter((x) => !own.includes(x.name) || x.name === f.js || x.name === f.wasm);
      return [kind, { critical_path: totals(crit), wasm_js: totals(crit.filter((x) => x.kind !== 'css')) }];
    }),
  );
  return {
    files,
    flavors: per,
    // The static demo's: what the goals below are judged on.
    ...per.static,
    baseline: JSON.parse(fs.readFileSync(path.join(repo, 'tests/size-baseline.json'), 'utf8')),
  };
});

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
// 5. Sites: copies of the dist, configured, prerendered, served.

const baseConfig = JSON.parse(fs.readFileSync(path.join(dist, 'config.json'), 'utf8'));

/** A free port (or the next of --port N). */
let nextPort = opts.port;
function port() {
  if (opts.port) return Promise.resolve(nextPort++);
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const p = srv.address().port;
      srv.close(() => resolve(p));
    });
  });
}

function copyDist(to, api) {
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(dist, to, { recursive: true, preserveTimestamps: true });
  for (const ext of ['', '.br', '.gz']) fs.rmSync(path.join(to, `config.json${ext}`), { force: true });
  fs.writeFileSync(path.join(to, 'config.json'), `${JSON.stringify({ ...baseConfig, api }, null, 2)}\n`);
}

/** Removes the prerendered pages (listed in prerender.json) so that every
 * route is served the shell and renders client-side; the home is the shell. */
function stripPrerendered(dir) {
  const manifest = path.join(dir, 'prerender.json');
  if (fs.existsSync(manifest)) {
    const m = JSON.parse(fs.readFileSync(manifest, 'utf8'));
    for (const page of Object.values(m.pages ?? {})) {
      for (const f of [page.html, page.data].filter(Boolean)) {
        for (const ext of ['', '.br', '.gz']) fs.rmSync(path.join(dir, f + ext), { force: true });
      }
    }
  }
  for (const ext of ['.br', '.gz']) fs.rmSync(path.join(dir, `index.html${ext}`), { force: true });
  fs.copyFileSync(path.join(dir, 'shell.html'), path.join(dir, 'index.html'));
}

async function prerender(dir, origin) {
  const t = Date.now();
  await sh('cargo', ['run', '--quiet', '-p', 'kiosque-cli', '--', 'prerender', '--dist', dir, '--site-url', origin]);
  const m = JSON.parse(fs.readFileSync(path.join(dir, 'prerender.json'), 'utf8'));
  return { pages: Object.keys(m.pages ?? {}).length, seconds: Math.round((Date.now() - t) / 1000) };
}

// Variants: each source prerendered (unless --no-prerender) and, with
// --compare-csr, the same copy without its prerendered pages.
const sources = [{ id: 'static', label: 'Kiosque (static demo API)', api: baseConfig.api }];
if (opts.wordpress && wordpress) {
  sources.push({ id: 'wordpress', label: 'Kiosque on the test WordPress', api: { kind: 'wordpress', base_url: `${WP_ORIGIN}/wp-json` } });
}
const sites = [];
const servers = [];
const prerenderInfo = {};
for (const src of sources) {
  const dir = path.join(tmpDir, `site-${src.id}`);
  const origin = `http://127.0.0.1:${await port()}`;
  await step(`prepare-${src.id}`, async () => {
    copyDist(dir, src.api);
    stripPrerendered(dir); // a dist prerendered before (make test) carries pages for another origin
    // Prerendering also writes the policy of this config.json into the shell.
    prerenderInfo[src.id] = await prerender(dir, origin);
    log(`prerendered ${prerenderInfo[src.id].pages} pages of ${dir} for ${origin}`);
  });
  if (!prerenderInfo[src.id]) continue;
  if (opts.prerender) sites.push({ id: `kiosque_${src.id}`, source: src.id, label: `${src.label}, prerendered`, dir, origin, mode: 'prerendered' });
  if (!opts.prerender || opts.compareCsr) {
    const csrDir = `${dir}-csr`;
    fs.rmSync(csrDir, { recursive: true, force: true });
    fs.cpSync(dir, csrDir, { recursive: true, preserveTimestamps: true });
    stripPrerendered(csrDir);
    sites.push({
      id: opts.prerender ? `kiosque_${src.id}_csr` : `kiosque_${src.id}`, source: src.id,
      label: `${src.label}, client-rendered (shell)`, dir: csrDir, origin: `http://127.0.0.1:${await port()}`, mode: 'csr',
    });
  }
}
for (const site of sites) {
  const server = await startServer({ root: site.dir, port: Number(new URL(site.origin).port), host: '127.0.0.1' });
  servers.push(server);
  log(`serving ${path.relative(repo, site.dir)} (${site.mode}) on ${site.origin}`);
}

// ---------------------------------------------------------------------------
// 6. Pages

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
const targets = sites.map((st) => ({ id: st.id, label: st.label, origin: st.origin, kind: 'kiosque', site: st }));
if (wordpress) targets.push({ id: 'wordpress_theme', label: 'WordPress twentytwentythree', origin: WP_ORIGIN, kind: 'wordpress' });
/** Whether `route` of a site is a prerendered page (else the shell is served). */
function isPrerendered(site, route) {
  const rel = route === '/' ? 'index.html' : `${route.replace(/^\/|\/$/g, '')}/index.html`;
  try {
    return /name="kiosque-prerender"/.test(fs.readFileSync(path.join(site.dir, rel), 'utf8'));
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------
// 7. Lighthouse: rounds over every (target, page) so drift hits all alike.

const METRICS = ['score', 'fcp_ms', 'lcp_ms', 'tbt_ms', 'cls', 'bytes', 'code_bytes'];
let lighthouse = null;
if (opts.lighthouse) {
  lighthouse = await step('lighthouse', async () => {
    const raw = {};
    for (let r = 1; r <= opts.runs; r++) {
      for (const t of targets) {
        for (const [pageId, p] of Object.entries(pages)) {
          const url = t.origin + p[t.kind];
          const outFile = path.join(tmpDir, 'lighthouse', `${t.id}-${pageId}-${r}.json`);
          let res = await lighthouseOnce({ repo, url, outFile });
          if (res.error) {
            // Chrome sometimes shows an interstitial on a first load: one retry.
            log(`lighthouse ${t.id} ${pageId}: ${res.error}; retrying once`);
            res = await lighthouseOnce({ repo, url, outFile });
          }
          log(`lighthouse ${r}/${opts.runs} ${t.id} ${pageId}: ${res.error ?? `score ${res.score}, LCP ${Math.round(res.lcp_ms)} ms, TBT ${Math.round(res.tbt_ms)} ms, CLS ${res.cls?.toFixed(3)}, ${res.bytes} B`}`);
          ((raw[t.id] ??= {})[pageId] ??= []).push({ url, ...res });
        }
      }
    }
    const out = {};
    for (const t of targets) {
      out[t.id] = { label: t.label, mode: t.site?.mode ?? 'wordpress', pages: {} };
      for (const pageId of Object.keys(pages)) {
        const runs = raw[t.id][pageId];
        const ok = runs.filter((x) => !x.error && !x.runtime_error);
        const med = Object.fromEntries(METRICS.map((m) => [m, median(ok.map((x) => x[m]))]));
        // Diagnostics (LCP element, shifts, blocking resources) of the run whose LCP is the median's.
        const rep = [...ok].sort((a, b) => Math.abs(a.lcp_ms - med.lcp_ms) - Math.abs(b.lcp_ms - med.lcp_ms))[0];
        out[t.id].pages[pageId] = {
          url: runs[0].url, runs_ok: ok.length, median: med,
          prerendered: t.site ? isPrerendered(t.site, pages[pageId].kiosque) : null,
          diagnostics: rep?.diagnostics ?? null,
          runs: runs.map(({ diagnostics: _d, ...rest }) => rest),
        };
        if (ok.length < runs.length) errors.push(`lighthouse ${t.id} ${pageId}: ${runs.length - ok.length} failed run(s)`);
      }
    }
    return out;
  });
}

// ---------------------------------------------------------------------------
// 8. Client navigation and memory (Kiosque, static demo API; it starts from
// the prerendered home, once hydrated, unless --no-prerender)

const navSite = sites.find((st) => st.id === 'kiosque_static');
const browser = navSite
  ? await step('navigation-memory', () =>
    runBrowserBench({ origin: navSite.origin, navRuns: opts.navRuns, memNavs: opts.memNavs, log }))
  : null;
if (browser) browser.site = { id: navSite.id, mode: navSite.mode, home_prerendered: isPrerendered(navSite, '/') };
// From a touch on a link to the next page, throttled (prerendered pages only).
const intent = navSite && opts.intentRuns > 0 && isPrerendered(navSite, pages.article.kiosque)
  ? await step('intent', () => runIntentBench({ origin: navSite.origin, slugs: [slug], runs: opts.intentRuns, log }))
  : null;

for (const server of servers) server.close();

// ---------------------------------------------------------------------------
// 9. Targets, ratios, report


const targetsOut = judgeTargets({ bundle, lighthouse, browser, intent, pages });
const judged = ['kiosque_wordpress', 'kiosque_static', 'kiosque_wordpress_csr', 'kiosque_static_csr'].filter((id) => lighthouse?.[id]);

const ratios = {};
if (lighthouse?.wordpress_theme) {
  for (const kid of judged) {
    if (!lighthouse[kid]) continue;
    ratios[kid] = {};
    for (const pageId of Object.keys(pages)) {
      const k = lighthouse[kid].pages[pageId].median;
      const w = lighthouse.wordpress_theme.pages[pageId].median;
      const r = (a, b) => (a == null || b == null || b === 0 ? null : a / b);
      ratios[kid][pageId] = { lcp: r(k.lcp_ms, w.lcp_ms), fcp: r(k.fcp_ms, w.fcp_ms), tbt: r(k.tbt_ms, w.tbt_ms), bytes: r(k.bytes, w.bytes) };
    }
  }
}

const report = {
  generated_at: new Date().toISOString(),
  duration_s: Math.round((Date.now() - started) / 1000),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
  dist: path.relative(repo, dist) || dist,
  commit: spawnSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: repo, encoding: 'utf8' }).stdout.trim() || null,
  worktree_dirty: (spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repo, encoding: 'utf8' }).stdout.trimEnd() || '').split('\n').filter(Boolean),
  sites: sites.map(({ id, label, mode, origin, dir }) => ({ id, label, mode, origin, dir: path.relative(repo, dir) })),
  prerender: opts.prerender ? prerenderInfo : null,
  settings: {
    lighthouse: 'lighthouse@12 CLI, mobile defaults (simulated throttling), --only-categories=performance, ' +
      'CHROME_PATH=/usr/bin/chromium, --chrome-flags="--headless=new --no-sandbox --disable-gpu"',
    runs: opts.runs, nav_runs: opts.navRuns, mem_navs: opts.memNavs, intent_runs: opts.intentRuns,
    prerender: opts.prerender, compare_csr: opts.compareCsr,
    pages, article_slug: slug, category,
  },
  wordpress, bundle, lighthouse, ratios, navigation_memory: browser, intent, targets: targetsOut, errors, timings,
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
  const short = (u) => (u ?? '').replace(/^https?:\/\/127\.0\.0\.1:\d+/, '');
  const L = [];
  L.push('# Kiosque performance report', '');
  L.push(`Generated ${r.generated_at} by \`make bench\` (\`scripts/bench/run.mjs\`) in ${r.duration_s} s on ${r.machine.cpus} × ${r.machine.model}, Node ${r.machine.node}. ` +
    `Bundle: \`${r.dist}\`, built at commit \`${r.commit ?? '?'}\`${r.worktree_dirty?.length ? ` (uncommitted changes: ${r.worktree_dirty.map((l) => `\`${l.slice(3)}\``).join(', ')})` : ''}.`);
  L.push('Raw Lighthouse JSON: `bench/tmp/lighthouse/` (not committed). **Timings are noisy**: the machine has 2 cores shared with other jobs; ' +
    'Lighthouse simulates a mobile device (Moto G Power class, slow 4G) from the observed trace, so CPU contention shifts FCP/LCP/TBT by tens to a few hundred ms between runs.', '');
  if (r.prerender) {
    L.push('Kiosque pages are **prerendered** the way a deploy does it: each copy of the dist gets its `config.json` and is prerendered with ' +
      '`cargo run -p kiosque-cli -- prerender --dist COPY --site-url ORIGIN` (the origin it is then served from), from its own source: ' +
      Object.entries(r.prerender).map(([id, p]) => `${id} ${p.pages} pages (${p.seconds} s)`).join(', ') + '. ' +
      'The bundle hydrates those pages. "Client-rendered (shell)" rows are the same copy with its prerendered pages removed: every route gets `shell.html`, as before prerendering existed.', '');
  } else {
    L.push('Run with `--no-prerender`: every Kiosque page is the shell, rendered client-side (the behaviour before prerendering).', '');
  }
  if (r.errors.length) L.push('**Measurement errors:**', '', ...r.errors.map((e) => `- ${e}`), '');

  L.push('## Targets (issue #17, "Lean first view")', '');
  L.push('| Target | Goal | Measured | Result |', '|---|---|---|---|');
  for (const t of r.targets) {
    const val = t.unit === 'B' ? `${n(t.value)} B (${kb(t.value)})` : t.unit === '%' ? `${n(t.value, 2)} %` : t.unit === '' ? n(t.value, 3)
      : t.unit === '×' ? x(t.value) : `${n(t.value, t.unit === 'ms' ? 1 : 0)}${t.unit === 'ms' ? ' ms' : ''}`;
    const by = t.unit === 'B' ? `${kb(Math.abs(t.by))}` : t.unit === '' ? n(Math.abs(t.by), 3) : t.unit === '×' ? `${n(Math.abs(t.by), 2)}×`
      : `${n(Math.abs(t.by), 1)}${t.unit === 'ms' ? ' ms' : ' points'}`;
    const res = t.met == null ? 'not measured' : t.met ? `**met** (margin ${by})` : `**missed** by ${by}${t.unit === 'B' ? ` (${n(t.value / (t.value - t.by), 2)}× the goal)` : ''}`;
    L.push(`| ${t.name} | ${t.goal} | ${val} | ${res} |`);
  }
  L.push('');

  if (r.bundle) {
    L.push('## Bundle', '', 'Every wasm, JS and CSS file at the root of the dist (the per-page `data-<hash>.js` of a prerendered home excluded): `start.js` (the same-origin loader), the wasm-bindgen glue, the wasm and the stylesheet. gzip level 9, brotli quality 11 (Node zlib).', '');
    L.push('| File | Raw | gzip | brotli |', '|---|---:|---:|---:|');
    for (const f of r.bundle.files) L.push(`| \`${f.name}\` | ${n(f.raw)} | ${n(f.gzip)} | ${n(f.brotli)} |`);
    const per = r.bundle.flavors ?? { static: r.bundle };
    for (const [kind, fl] of Object.entries(per)) {
      const c = fl.critical_path;
      const wj = fl.wasm_js;
      L.push(`| **${kind} site: wasm + JS** | ${n(wj.raw)} | ${n(wj.gzip)} | **${n(wj.brotli)}** (${kb(wj.brotli)}) |`);
      L.push(`| **${kind} site: wasm + JS + CSS** | ${n(c.raw)} | ${n(c.gzip)} | **${n(c.brotli)}** (${kb(c.brotli)}) |`);
    }
    L.push('', 'One bundle flavor per source: a site downloads the shared files (`start.js`, the stylesheet) and the flavor its `config.json` names.', '');
    const base = r.bundle.baseline?.critical_brotli_bytes;
    if (base) {
      L.push('### Against the recorded baseline', '');
      for (const [kind, fl] of Object.entries(per)) {
        const b = typeof base === 'number' ? base : base[kind];
        if (!b) continue;
        const d = fl.wasm_js.brotli - b;
        L.push(`${kind} flavor: wasm + JS brotli is **${n(fl.wasm_js.brotli)} B** now, against **${n(b)} B** in \`tests/size-baseline.json\`: ` +
          `**${d >= 0 ? '+' : '−'}${n(Math.abs(d))} B (${d >= 0 ? '+' : '−'}${n(Math.abs(d / b) * 100, 1)} %)**. CI fails past +5 KB.`, '');
      }
      L.push(`Baseline reason: "${r.bundle.baseline.reason}".`, '');
      // What the wasm is made of and what each size lever measured: kept by
      // hand in bench/size-notes.md (twiggy and build experiments are not
      // part of a bench run), included here as written.
      const notes = path.join(benchDir, 'size-notes.md');
      if (fs.existsSync(notes)) L.push(fs.readFileSync(notes, 'utf8').trim(), '');
    }
  }

  if (r.lighthouse) {
    const lh = r.lighthouse;
    L.push(`## Lighthouse (mobile, simulated throttling), median of ${r.settings.runs} run${r.settings.runs === 1 ? '' : 's'}`, '');
    L.push(`Pages: home, category \`${r.settings.category}\` page 1, article \`${r.settings.article_slug}\`, measured in rounds (every site and page once per round) so drift hits all alike. ` +
      'Kiosque on WordPress is the same dist with `config.json` pointing at `http://127.0.0.1:8081/wp-json`; ' +
      'the peer is the same WordPress rendering the same posts with its twentytwentythree theme (nginx + php-fpm, gzip, no page cache). Every metric is the median of its own runs. ' +
      '"Prerendered" says whether the URL was a prerendered page in that copy (else the shell was served).', '');
    L.push('| Site | Page | Prerendered | Score | FCP | LCP | TBT | CLS | Bytes | Requests |', '|---|---|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const t of Object.values(lh)) {
      for (const [pid, p] of Object.entries(t.pages)) {
        const m = p.median;
        const pre = p.prerendered == null ? '–' : p.prerendered ? 'yes' : 'no';
        L.push(`| ${t.label} | ${pid} | ${pre} | ${n(m.score)} | ${ms(m.fcp_ms)} | ${ms(m.lcp_ms)} | ${ms(m.tbt_ms)} | ${n(m.cls, 3)} | ${kb(m.bytes)} | ${p.diagnostics?.requests ?? '–'} |`);
      }
    }
    L.push('');
    if (Object.keys(r.ratios).length) {
      L.push('### Ratios Kiosque / WordPress theme (below 1 means Kiosque is better; target for LCP ≤ 0.8×)', '');
      L.push('| Kiosque variant | Page | LCP | FCP | TBT | Bytes |', '|---|---|---:|---:|---:|---:|');
      for (const [kid, pagesR] of Object.entries(r.ratios)) {
        for (const [pid, q] of Object.entries(pagesR)) L.push(`| ${lh[kid].label} | ${pid} | ${x(q.lcp)} | ${x(q.fcp)} | ${x(q.tbt)} | ${x(q.bytes)} |`);
      }
      L.push('', 'A TBT ratio is n/a when WordPress\'s median TBT is 0 ms.', '');
    }
    for (const src of ['static', 'wordpress']) {
      const pre = lh[`kiosque_${src}`];
      const csr = lh[`kiosque_${src}_csr`];
      if (!pre || !csr) continue;
      L.push(`### Prerendered vs client-rendered: ${pre.label.replace(/, prerendered$/, '')}`, '');
      L.push('| Page | LCP prerendered | LCP client-rendered | FCP prerendered | FCP client-rendered | CLS prerendered | CLS client-rendered |', '|---|---:|---:|---:|---:|---:|---:|');
      for (const pid of Object.keys(pre.pages)) {
        const a = pre.pages[pid].median;
        const b = csr.pages[pid].median;
        L.push(`| ${pid} | ${ms(a.lcp_ms)} | ${ms(b.lcp_ms)} | ${ms(a.fcp_ms)} | ${ms(b.fcp_ms)} | ${n(a.cls, 3)} | ${n(b.cls, 3)} |`);
      }
      L.push('');
    }

    L.push('### What the audits say (the run closest to the median LCP)', '');
    L.push('LCP element and its phases (`largest-contentful-paint-element`), layout shifts (`layout-shifts`), render-blocking resources (`render-blocking-resources`), requests and transfer by type (`network-requests`, `resource-summary`).', '');
    for (const [tid, t] of Object.entries(lh)) {
      if (t.mode === 'csr') continue;
      for (const [pid, p] of Object.entries(t.pages)) {
        const d = p.diagnostics;
        if (!d) continue;
        const el = d.lcp_element;
        const phases = d.lcp_phases ? Object.entries(d.lcp_phases).map(([k, v]) => `${k} ${v} ms`).join(', ') : '–';
        const shifts = d.layout_shifts?.length
          ? d.layout_shifts.map((sh_) => `${sh_.score} \`${sh_.selector ?? '?'}\`${sh_.causes.length ? ` (${sh_.causes.join('; ')})` : ''}`).join('; ')
          : 'none';
        const blocking = d.render_blocking?.length ? d.render_blocking.map((b) => `\`${short(b.url)}\` (${b.wasted_ms} ms)`).join(', ') : 'none';
        const types = Object.entries(d.by_type ?? {}).filter(([k, v]) => k !== 'total' && k !== 'third-party' && v.requests)
          .map(([k, v]) => `${k} ${v.requests} / ${kb(v.bytes)}`).join(', ');
        L.push(`- **${t.label}, ${pid}**: LCP element \`${el?.selector ?? '–'}\`${el?.label ? ` ("${el.label.slice(0, 60)}")` : ''}; phases ${phases}. ` +
          `Shifts: ${shifts}. Render-blocking: ${blocking}. ${d.requests} requests: ${types}.`);
      }
    }
    L.push('');
  }

  const b = r.navigation_memory;
  if (b) {
    const how = b.site ? `${b.site.mode === 'prerendered' ? 'the prerendered home, hydrated' : 'the shell, rendered client-side'}` : '';
    L.push('## Client navigation (Kiosque, static demo API, 360 × 780, Playwright + Debian Chromium)', '');
    L.push(`Each page is loaded at \`/\` (${how}; start-up seen in \`window.__kiosqueStart\`: ${Object.entries(b.start ?? {}).map(([k, v]) => `${k} × ${v}`).join(', ') || '–'}), and clicked only once the app has started, so every click is a client-side route change (a full page load would fail the run). ` +
      'Measured in the page: `performance.now()` (with `performance.mark`) just before the card link\'s `click()`, then at the first animation frame where the new view\'s `h1` is in the DOM. ' +
      'Uncached: a fresh browser context per run (empty HTTP cache, article never fetched), a different home card each time. ' +
      'Cached: the same few articles, each fetched once before, reached from home by link clicks. No CPU throttling.', '');
    L.push('| Navigation | Runs | Median | Min | Max |', '|---|---:|---:|---:|---:|');
    const row = (name, xs) => L.push(`| ${name} | ${xs.length} | ${ms(median(xs))} | ${ms(Math.min(...xs))} | ${ms(Math.max(...xs))} |`);
    row('card → article h1, uncached', b.uncached_ms);
    row('card → article h1, cached', b.cached_ms);
    row('header link → home, cached', b.home_cached_ms);
    L.push('');
    L.push('## Memory after scripted client navigations', '');
    L.push(`One page (${how}), link clicks alternating home and 4 articles; measured after a forced GC (CDP \`HeapProfiler.collectGarbage\`). ` +
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

  if (r.intent) L.push(...intentMarkdown(r.intent));

  if (r.analysis?.length) L.push('## Analysis of this run', '', ...r.analysis, '');

  L.push('## Step times (s)', '', Object.entries(r.timings).map(([k, v]) => `${k} ${v}`).join(' · '), '');
  return `${L.join('\n')}\n`;
}
