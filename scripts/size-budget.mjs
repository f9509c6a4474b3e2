#!/usr/bin/env node
// CI size budget. (1) The first view of prerendered pages (the home, a
// category, an article): no wasm, scripts at most 30 KB and everything but
// images at most 50 KB brotli before any interaction. (2) For each bundle flavor (one per source: the loader downloads
// only the one config.json names), the brotli size (Node zlib, quality 11) of
// its critical wasm + JS in dist/ (the loader, the glue, the wasm) must not
// grow by more than 5 KB over its own number in tests/size-baseline.json. The
// baseline is updated only deliberately, with a reason (in the file and in
// the commit message).
//
//   node scripts/size-budget.mjs [--dist dist] [--baseline FILE] [--write-baseline "reason"]
//
// Prints every flavor's numbers either way; exits 1 when a budget is exceeded.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseCli } from './cli.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BASELINE_FILE = path.join(repo, 'tests/size-baseline.json');
export const ALLOWED_GROWTH = 5120;

/** raw, gzip (level 9) and brotli (quality 11) sizes of one file. */
export function fileSizes(file) {
  const data = fs.readFileSync(file);
  return {
    raw: data.length,
    gzip: zlib.gzipSync(data, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }).length,
  };
}

/** The wasm, JS and CSS files at the top of a trunk dist (all loaded by
 * index.html), without the service worker (sw.js), which the browser loads
 * after the page, in the background. */
export function bundleFiles(dist) {
  return fs
    .readdirSync(dist)
    .filter((n) => /\.(wasm|js|css)$/.test(n) && n !== 'sw.js')
    .sort()
    .map((n) => ({ name: n, kind: path.extname(n).slice(1), file: path.join(dist, n) }));
}

/** The bundle flavors of a release dist, from the loader's script tag in
 * the untouched shell: {kind: {js, wasm}} (file names at the dist's root).
 * trunk's own data-js/data-wasm are the static flavor; scripts/deploy/
 * flavor.sh adds data-js-KIND/data-wasm-KIND. */
export function flavors(dist) {
  const shell = ['shell.html', 'index.html'].map((n) => path.join(dist, n)).find((f) => fs.existsSync(f));
  if (!shell) throw new Error(`no shell.html in ${dist}: build first (trunk build --release)`);
  const out = {};
  for (const [, what, kind = 'static', url] of fs.readFileSync(shell, 'utf8').matchAll(/ data-(js|wasm)(?:-([a-z]+))?="([^"]+)"/g)) {
    (out[kind] ??= {})[what] = path.basename(url);
  }
  return out;
}

/** Brotli bytes of each flavor's critical wasm + JS (what must download
 * before the first view renders): {kind: {rows, total}}. */
export function criticalBrotli(dist) {
  const found = flavors(dist);
  if (!found.static?.wasm) throw new Error(`no bundle on the loader tag of ${dist}/shell.html: build first (trunk build --release)`);
  const result = {};
  for (const [kind, f] of Object.entries(found)) {
    const names = ['start.js', f.js, f.wasm].filter(Boolean);
    const rows = names.map((n) => ({ name: n, ...fileSizes(path.join(dist, n)) }));
    result[kind] = { rows, total: rows.reduce((s, r) => s + r.brotli, 0) };
  }
  return result;
}

/** Absolute budgets for a prerendered page's first view (issue 17): script
 * bytes fetched before any interaction (the loader and the page's data, never
 * the app), and everything but images (HTML, CSS, scripts, preloads). */
export const FIRST_VIEW_JS_MAX = 30 * 1024;
export const FIRST_VIEW_MAX = 50 * 1024;

/** The prerendered pages whose first view is budgeted: the home, the first
 * category and the first article in the dist. */
function firstViewPages(dist) {
  const first = (dir) => {
    const root = path.join(dist, dir);
    if (!fs.existsSync(root)) return null;
    const name = fs.readdirSync(root).sort().find((n) => fs.existsSync(path.join(root, n, 'index.html')));
    return name ? path.join(root, name, 'index.html') : null;
  };
  return [path.join(dist, 'index.html'), first('category'), first('article')].filter(Boolean);
}

/** What a prerendered page makes the browser fetch before any interaction,
 * images aside: {page, rows: [{name, kind, brotli}], js, total}. The loader's
 * data-js/data-wasm attributes are not fetches (the loader reads them on
 * intent), so they are not counted; a preload or script naming the bundle is. */
export function firstView(dist) {
  const out = [];
  for (const file of firstViewPages(dist)) {
    const html = fs.readFileSync(file, 'utf8');
    if (!html.includes('name="kiosque-prerender"')) throw new Error(`${path.relative(dist, file)} is not prerendered: run the prerender first`);
    const rows = [{ name: path.relative(dist, file), kind: 'html', brotli: fileSizes(file).brotli }];
    const refs = [];
    for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/g)) {
      const src = tag.match(/\s(?:src|href)="([^"]+)"/)?.[1];
      if (!src || /^[a-z]+:/i.test(src)) continue;
      const rel = tag.match(/\srel="([^"]+)"/)?.[1] ?? '';
      if (tag.startsWith('<link') && !/^(stylesheet|preload|modulepreload)$/.test(rel)) continue;
      if (/\sas="image"/.test(tag)) continue;
      refs.push(src);
    }
    // Relative references resolve against <base href> (the site's root path).
    const base = html.match(/<base href="([^"]*)"/)?.[1] ?? '/';
    for (const ref of refs) {
      const url = new URL(ref, new URL(base, 'http://site.test/'));
      const target = path.join(dist, decodeURIComponent(url.pathname.slice(new URL(base, 'http://site.test/').pathname.length)));
      if (!fs.existsSync(target)) throw new Error(`${rows[0].name} loads ${ref}, which is not in ${dist}`);
      const kind = /\.wasm$/.test(ref) ? 'wasm' : /\.m?js$/.test(ref) ? 'js' : /\.css$/.test(ref) ? 'css' : 'other';
      rows.push({ name: ref, kind, brotli: fileSizes(target).brotli });
    }
    const js = rows.filter((r) => r.kind === 'js' || r.kind === 'wasm').reduce((n, r) => n + r.brotli, 0);
    out.push({ page: rows[0].name, rows, js, total: rows.reduce((n, r) => n + r.brotli, 0), wasm: rows.some((r) => r.kind === 'wasm') });
  }
  return out;
}

const USAGE = `Usage: node scripts/size-budget.mjs [--dist DIR] [--baseline FILE] [--write-baseline "reason"]

Fails (exit 1) when the brotli size of a bundle flavor's critical wasm + JS
(one flavor per source) grew more than ${ALLOWED_GROWTH} bytes over its baseline.

Options:
  --dist DIR                 the release bundle (default: dist)
  --baseline FILE            the recorded size (default: tests/size-baseline.json)
  --write-baseline "reason"  record the current sizes as the baseline, with why
  -h, --help                 show this help`;

function main() {
  const { dist, baseline: baselineFile, 'write-baseline': writeReason } = parseCli({
    name: 'size-budget',
    usage: USAGE,
    options: {
      dist: { type: 'string', default: path.join(repo, 'dist') },
      baseline: { type: 'string', default: BASELINE_FILE },
      'write-baseline': { type: 'string' },
    },
    build: (v) => ({ ...v, dist: path.resolve(v.dist), baseline: path.resolve(v.baseline) }),
  });
  const measured = criticalBrotli(dist);
  for (const [kind, { rows, total }] of Object.entries(measured)) {
    console.log(`  ${kind} flavor: wasm+JS brotli ${total}`);
    for (const r of rows) console.log(`    ${r.name.padEnd(40)} brotli ${String(r.brotli).padStart(8)}`);
  }
  if (writeReason) {
    const bytes = Object.fromEntries(Object.entries(measured).map(([k, v]) => [k, v.total]));
    fs.writeFileSync(baselineFile, `${JSON.stringify({ critical_brotli_bytes: bytes, reason: writeReason }, null, 2)}\n`);
    console.log(`size-budget: baseline written: ${JSON.stringify(bytes)} bytes (${path.relative(repo, baselineFile)})`);
    return 0;
  }
  let failed = checkFirstView(dist);
  const recorded = JSON.parse(fs.readFileSync(baselineFile, 'utf8')).critical_brotli_bytes;
  // A single number: recorded when one bundle held both sources.
  const baseline = typeof recorded === 'number' ? { static: recorded } : recorded;
  for (const [kind, base] of Object.entries(baseline)) {
    const total = measured[kind]?.total;
    if (total === undefined) {
      console.error(`size-budget: FAILED: no ${kind} flavor in ${dist} (release builds have one per source: trunk build --release)`);
      failed++;
      continue;
    }
    const delta = total - base;
    console.log(`size-budget: ${kind} flavor: critical wasm+JS brotli ${total} bytes; baseline ${base} bytes (${delta >= 0 ? '+' : ''}${delta}); allowed growth ${ALLOWED_GROWTH}`);
    if (delta > ALLOWED_GROWTH) {
      console.error(
        `size-budget: FAILED: the ${kind} flavor's critical wasm+JS grew by ${delta} bytes brotli (> ${ALLOWED_GROWTH}).\n` +
          `  Shrink it, or, if the growth is deliberate, update ${path.relative(repo, BASELINE_FILE)} ` +
          `(node scripts/size-budget.mjs --write-baseline "why") and give the reason in the commit.`,
      );
      failed++;
    }
  }
  return failed ? 1 : 0;
}

/** Prints and checks each budgeted page's first view; the number of failures. */
function checkFirstView(dist) {
  let failed = 0;
  for (const v of firstView(dist)) {
    console.log(`  first view of ${v.page}: ${v.total} bytes brotli without images (scripts ${v.js}; budgets ${FIRST_VIEW_MAX} and ${FIRST_VIEW_JS_MAX})`);
    for (const r of v.rows) console.log(`    ${r.kind.padEnd(5)} ${r.name.slice(0, 60).padEnd(60)} brotli ${String(r.brotli).padStart(7)}`);
    const why = [
      v.wasm && 'it fetches wasm before any interaction',
      v.js > FIRST_VIEW_JS_MAX && `its scripts weigh ${v.js} bytes (> ${FIRST_VIEW_JS_MAX})`,
      v.total > FIRST_VIEW_MAX && `it weighs ${v.total} bytes without images (> ${FIRST_VIEW_MAX})`,
    ].filter(Boolean);
    if (why.length) {
      console.error(`size-budget: FAILED: first view of ${v.page}: ${why.join('; ')}`);
      failed++;
    }
  }
  return failed;
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main();
  } catch (err) {
    console.error(`size-budget: ${err.message}`);
    process.exitCode = 2;
  }
}
