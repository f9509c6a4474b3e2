#!/usr/bin/env node
// CI size budget: the brotli size (Node zlib, quality 11) of the critical
// wasm + JS in dist/ must not grow by more than 5 KB over
// tests/size-baseline.json. The baseline is updated only deliberately, with a
// reason (in the file and in the commit message).
//
//   node scripts/size-budget.mjs [--dist dist] [--baseline FILE] [--write-baseline "reason"]
//
// Prints both numbers either way; exits 1 when the budget is exceeded.
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

/** Brotli bytes of the critical wasm + JS (what must download before the first view renders). */
export function criticalBrotli(dist) {
  const files = bundleFiles(dist).filter((f) => f.kind === 'wasm' || f.kind === 'js');
  if (!files.some((f) => f.kind === 'wasm')) throw new Error(`no .wasm in ${dist}: build first (trunk build --release)`);
  const rows = files.map((f) => ({ name: f.name, ...fileSizes(f.file) }));
  return { rows, total: rows.reduce((s, r) => s + r.brotli, 0) };
}

const USAGE = `Usage: node scripts/size-budget.mjs [--dist DIR] [--baseline FILE] [--write-baseline "reason"]

Fails (exit 1) when the brotli size of the critical wasm + JS grew more than
${ALLOWED_GROWTH} bytes over the baseline.

Options:
  --dist DIR                 the release bundle (default: dist)
  --baseline FILE            the recorded size (default: tests/size-baseline.json)
  --write-baseline "reason"  record the current size as the baseline, with why
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
  const { rows, total } = criticalBrotli(dist);
  for (const r of rows) console.log(`  ${r.name.padEnd(40)} brotli ${String(r.brotli).padStart(8)}`);
  if (writeReason) {
    fs.writeFileSync(baselineFile, `${JSON.stringify({ critical_brotli_bytes: total, reason: writeReason }, null, 2)}\n`);
    console.log(`size-budget: baseline written: ${total} bytes (${path.relative(repo, baselineFile)})`);
    return 0;
  }
  const baseline = JSON.parse(fs.readFileSync(baselineFile, 'utf8'));
  const base = baseline.critical_brotli_bytes;
  const delta = total - base;
  console.log(`size-budget: critical wasm+JS brotli ${total} bytes; baseline ${base} bytes (${delta >= 0 ? '+' : ''}${delta}); allowed growth ${ALLOWED_GROWTH}`);
  if (delta > ALLOWED_GROWTH) {
    console.error(
      `size-budget: FAILED: the critical wasm+JS grew by ${delta} bytes brotli (> ${ALLOWED_GROWTH}).\n` +
        `  Shrink it, or, if the growth is deliberate, update ${path.relative(repo, BASELINE_FILE)} ` +
        `(node scripts/size-budget.mjs --write-baseline "why") and give the reason in the commit.`,
    );
    return 1;
  }
  return 0;
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main();
  } catch (err) {
    console.error(`size-budget: ${err.message}`);
    process.exitCode = 2;
  }
}
