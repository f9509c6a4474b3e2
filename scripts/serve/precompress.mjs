// Precompression: `.br` and `.gz` next to every compressible file, as the
// CDN stores them, written once and kept while newer than their source.
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { MIN_COMPRESS_SIZE, LARGE_FILE, ENCODINGS, isCompressible, statOrNull } from './rules.mjs';

const brotliCompress = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

async function* walk(dir) {
  let entries;
  try {
    entries = await fsp.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      yield* walk(p);
    } else if (e.isFile()) {
      yield p;
    } else if (e.isSymbolicLink()) {
      // Follow symlinked files, never symlinked directories (no loops).
      const st = await statOrNull(p);
      if (st?.isFile()) yield p;
    }
  }
}

async function compressOne(file, stat, enc, log) {
  const target = file + enc.ext;
  const existing = await statOrNull(target);
  // Strictly newer: a copy and an edit of the source in the same clock tick
  // (a test copying dist/ and rewriting shell.html) leave equal times, and
  // the variant may then be the old text.
  if (existing?.isFile() && existing.mtimeMs > stat.mtimeMs) return false;
  const data = await fsp.readFile(file);
  let out;
  if (enc.name === 'br') {
    const textual = path.extname(file).toLowerCase() !== '.wasm';
    out = await brotliCompress(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: stat.size > LARGE_FILE ? 5 : 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        [zlib.constants.BROTLI_PARAM_MODE]: textual
          ? zlib.constants.BROTLI_MODE_TEXT
          : zlib.constants.BROTLI_MODE_GENERIC,
      },
    });
  } else {
    out = await gzip(data, { level: 9 });
  }
  // Write atomically: several servers may start on the same root at once.
  const tmp = `${target}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  try {
    await fsp.writeFile(tmp, out);
    await fsp.rename(tmp, target);
  } catch (err) {
    await fsp.rm(tmp, { force: true }).catch(() => {});
    log(`serve: cannot write ${target}: ${err.message} (serving uncompressed)`);
    return false;
  }
  return true;
}

/**
 * Write `file.br` and `file.gz` next to every compressible file of at least
 * 256 bytes under `root`, unless an up-to-date one already exists.
 * Resolves to the number of variant files written.
 */
export async function precompress(root, { log = console.error } = {}) {
  const jobs = [];
  for await (const file of walk(root)) {
    if (/\.(br|gz)$/i.test(file) || /\.tmp-\d+-[0-9a-f]+$/.test(file)) continue;
    if (!isCompressible(file)) continue;
    const stat = await statOrNull(file);
    if (!stat || stat.size < MIN_COMPRESS_SIZE) continue;
    for (const enc of ENCODINGS) jobs.push({ file, stat, enc });
  }
  // Biggest first so the slow brotli jobs overlap with everything else.
  jobs.sort((a, b) => b.stat.size - a.stat.size);
  const width = Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, 8));
  let written = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const { file, stat, enc } = jobs[next++];
        try {
          if (await compressOne(file, stat, enc, log)) written++;
        } catch (err) {
          log(`serve: cannot compress ${file}: ${err.message}`);
        }
      }
    }),
  );
  return written;
}
