#!/usr/bin/env node
// CI size budget: for each bundle flavor (one per source: the loader downloads
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
  const recorded = JSON.parse(fs.readFileSync(baselineFile, 'utf8')).critical_brotli_bytes;
  // A single number: recorded when one bundle held both sources.
  const baseline = typeof recorded === 'number' ? { static: recorded } : recorded;
  let failed = 0;
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

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main();
  } catch (err) {
    console.error(`size-budget: ${err.message}`);
    process.exitCode = 2;
  }
}
