#!/usr/bin/env node
// Static file server for the built Kiosque site (`dist/`), behaving like the
// CDN it is deployed to. Used by end-to-end tests, benchmarks and deploy tests.
//
//   node scripts/serve.mjs [--root dist] [--port 8080] [--host 127.0.0.1]
//                          [--cors] [--base /] [--verbose]
//
// Node built-ins only (and ./cli.mjs). See `startServer` for in-process use.
//
// Hand-written on purpose: with sirv underneath (issue 16), 14 of the 73
// tests in tests/server/ failed. It ignores q-values in Accept-Encoding, serves
// a .br older than its source or asked for by name, compares If-None-Match as
// one string and ignores If-Modified-Since, follows symlinks out of the root,
// and picks headers by the request path, not the file served (index.html,
// shell.html). Working around all that would leave it only the file stream.

import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { parseCli, int } from './cli.mjs';

const brotliCompress = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

// ---------------------------------------------------------------------------
// Static tables

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.gz': 'application/gzip',
};

const COMPRESSIBLE = new Set([
  '.html', '.js', '.mjs', '.css', '.json', '.svg', '.wasm', '.xml', '.txt', '.map', '.webmanifest',
]);

const MIN_COMPRESS_SIZE = 256;
const LARGE_FILE = 2 * 1024 * 1024;

// Precompressed variants, in order of preference.
const ENCODINGS = [
  { name: 'br', ext: '.br' },
  { name: 'gzip', ext: '.gz' },
];

// trunk content hash: `name-<hash>.ext` or `name-<hash>_bg.wasm`, the hash a
// u64 in hex without leading zeros: 16 digits, fewer 1 time in 16.
const HASHED_RE = /-[0-9a-f]{12,16}(?:_bg)?\.[^./]+$/;
// A "file extension" for routing purposes (SPA fallback only for extension-less paths).
const EXT_RE = /\.[A-Za-z0-9]+$/;

const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
const CACHE_HTML = 'no-cache';
const CACHE_DEFAULT = 'public, max-age=0, must-revalidate';

const ALLOW = 'GET, HEAD';

// ---------------------------------------------------------------------------
// Helpers

export function contentTypeFor(file) {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export function cacheControlFor(file) {
  const name = path.basename(file);
  const ext = path.extname(name).toLowerCase();
  // The service worker: its updates must be seen on the next visit.
  if (ext === '.html' || ext === '.htm' || name === 'sw.js') return CACHE_HTML;
  if (HASHED_RE.test(name)) return CACHE_IMMUTABLE;
  return CACHE_DEFAULT;
}

function isCompressible(file) {
  return COMPRESSIBLE.has(path.extname(file).toLowerCase());
}

/** Normalise a base path to `/`, or `/a/b/`. */
function normalizeBase(base) {
  const segs = String(base ?? '/').split('/').filter((s) => s !== '' && s !== '.');
  if (segs.some((s) => s === '..' || s.includes('\\') || s.includes('\0'))) {
    throw new Error(`invalid --base: ${base}`);
  }
  return segs.length ? `/${segs.join('/')}/` : '/';
}

/**
 * Parse Accept-Encoding and pick the best precompressed variant name
 * (`br`, then `gzip`), or null for identity.
 */
export function acceptedEncodings(header) {
  const q = new Map();
  for (const part of String(header ?? '').split(',')) {
    const [token, ...params] = part.trim().split(';');
    const name = token.trim().toLowerCase();
    if (!name) continue;
    let weight = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p);
      if (m) weight = Number(m[1]);
    }
    if (Number.isNaN(weight)) weight = 0;
    q.set(name === 'x-gzip' ? 'gzip' : name, weight);
  }
  const ok = (name) => (q.has(name) ? q.get(name) > 0 : q.has('*') && q.get('*') > 0);
  return ENCODINGS.filter((e) => ok(e.name));
}

function etagFor(stat, encoding) {
  const tag = `${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}`;
  return encoding ? `"${tag}-${encoding}"` : `"${tag}"`;
}

function etagMatches(header, etag) {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v.replace(/^W\//, '') === bare;
  });
}

async function statOrNull(p) {
  try {
    return await fsp.stat(p);
  } catch {
    return null;
  }
}

function isInside(root, p) {
  return p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

// ---------------------------------------------------------------------------
// Precompression

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
  if (existing?.isFile() && existing.mtimeMs >= stat.mtimeMs) return false;
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

// ---------------------------------------------------------------------------
// Request handling

class HttpError extends Error {
  constructor(status, message, headers = {}) {
    super(message);
    this.status = status;
    this.headers = headers;
  }
}

/**
 * Turn a raw request target into path segments relative to the site root.
 * Returns { segs, trailingSlash }. Throws HttpError on anything suspicious.
 */
function parseTarget(rawUrl, baseSegs) {
  let target = String(rawUrl ?? '');
  // Absolute-form (`GET http://host/path`): keep the path only, WITHOUT
  // WHATWG normalisation (which would silently resolve `..`).
  const abs = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(target);
  if (abs) target = target.slice(abs[0].length) || '/';
  if (!target.startsWith('/')) throw new HttpError(400, 'Bad Request');
  const q = target.search(/[?#]/);
  if (q !== -1) target = target.slice(0, q);

  if (target.includes('\\') || target.includes('\0')) throw new HttpError(400, 'Bad Request');
  let decoded;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    throw new HttpError(400, 'Bad Request');
  }
  if (decoded.includes('\\') || decoded.includes('\0')) throw new HttpError(400, 'Bad Request');

  const all = decoded.split('/');
  if (all.some((s) => s === '..')) throw new HttpError(400, 'Bad Request');
  const segs = all.filter((s) => s !== '' && s !== '.');
  const trailingSlash = decoded.endsWith('/');

  for (let i = 0; i < baseSegs.length; i++) {
    if (segs[i] !== baseSegs[i]) throw new HttpError(404, 'Not Found');
  }
  return { segs: segs.slice(baseSegs.length), trailingSlash };
}

/** Locate the file for a request, or null for "not found". */
async function resolveFile(root, segs, trailingSlash) {
  const last = segs.at(-1) ?? '';

  // Precompressed variants are never resources of their own.
  const variant = /^(.*)\.(br|gz)$/i.exec(last);
  if (variant) {
    const sourceName = variant[1];
    const sibling = path.join(root, ...segs.slice(0, -1), sourceName);
    if (isCompressible(sourceName) || (await statOrNull(sibling))) {
      return { kind: 'notfound' };
    }
  }

  const p = path.join(root, ...segs);
  if (!isInside(root, p)) return { kind: 'notfound' };
  const st = await statOrNull(p);
  if (st?.isFile() && !trailingSlash) return { kind: 'file', file: p, stat: st };
  if (st?.isDirectory()) {
    const index = path.join(p, 'index.html');
    const ist = await statOrNull(index);
    if (ist?.isFile()) return { kind: 'file', file: index, stat: ist };
  }
  if (EXT_RE.test(last)) return { kind: 'notfound' };
  return { kind: 'shell' };
}

async function checkReal(realRoot, file) {
  try {
    return isInside(realRoot, await fsp.realpath(file));
  } catch {
    return false;
  }
}

/** Pick the encoded representation to send: { file, stat, encoding|null }. */
async function pickRepresentation(file, stat, acceptEncoding) {
  if (!isCompressible(file)) return { file, stat, encoding: null };
  for (const enc of acceptedEncodings(acceptEncoding)) {
    const vst = await statOrNull(file + enc.ext);
    // Only serve a variant that is at least as new as its source.
    if (vst?.isFile() && vst.mtimeMs >= stat.mtimeMs) {
      return { file: file + enc.ext, stat: vst, encoding: enc.name };
    }
  }
  return { file, stat, encoding: null };
}

function sendText(req, res, status, text, headers = {}) {
  const body = Buffer.from(`${text}\n`);
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': 'no-cache',
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

async function sendFile(req, res, file, stat) {
  const rep = await pickRepresentation(file, stat, req.headers['accept-encoding']);
  const etag = etagFor(stat, rep.encoding);
  const headers = {
    'Cache-Control': cacheControlFor(file),
    ETag: etag,
    'Last-Modified': new Date(stat.mtimeMs).toUTCString(),
  };
  if (isCompressible(file)) headers.Vary = 'Accept-Encoding';

  const inm = req.headers['if-none-match'];
  let notModified = false;
  if (inm !== undefined) {
    notModified = etagMatches(inm, etag);
  } else if (req.headers['if-modified-since']) {
    const since = Date.parse(req.headers['if-modified-since']);
    notModified = !Number.isNaN(since) && Math.floor(stat.mtimeMs / 1000) <= Math.floor(since / 1000);
  }
  if (notModified) {
    res.writeHead(304, headers);
    res.end();
    return;
  }

  headers['Content-Type'] = contentTypeFor(file);
  headers['Content-Length'] = rep.stat.size;
  if (rep.encoding) headers['Content-Encoding'] = rep.encoding;

  if (req.method === 'HEAD') {
    res.writeHead(200, headers);
    res.end();
    return;
  }
  let stream;
  try {
    stream = fs.createReadStream(rep.file);
    await new Promise((resolve, reject) => {
      stream.once('open', resolve);
      stream.once('error', reject);
    });
  } catch {
    stream?.destroy();
    throw new HttpError(404, 'Not Found');
  }
  res.writeHead(200, headers);
  try {
    await pipeline(stream, res);
  } catch {
    // Client went away mid-transfer; nothing to do.
  }
}

function makeHandler({ root, realRoot, cors, baseSegs }) {
  return async function handle(req, res) {
    if (cors) res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    try {
      if (req.method === 'OPTIONS' && cors) {
        res.writeHead(204, {
          'Access-Control-Allow-Methods': `${ALLOW}, OPTIONS`,
          'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] || '*',
          'Access-Control-Max-Age': '86400',
          Allow: `${ALLOW}, OPTIONS`,
          'Content-Length': 0,
        });
        res.end();
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        throw new HttpError(405, 'Method Not Allowed', { Allow: cors ? `${ALLOW}, OPTIONS` : ALLOW });
      }
      const { segs, trailingSlash } = parseTarget(req.url, baseSegs);
      const found = await resolveFile(root, segs, trailingSlash);
      if (found.kind === 'notfound') throw new HttpError(404, 'Not Found');
      if (found.kind === 'shell') {
        const shell = path.join(root, 'shell.html');
        const st = await statOrNull(shell);
        if (!st?.isFile()) {
          throw new HttpError(
            500,
            `SPA fallback unavailable: ${shell} does not exist (build the site so that dist/shell.html is emitted)`,
          );
        }
        if (!(await checkReal(realRoot, shell))) throw new HttpError(500, 'shell.html resolves outside the root');
        await sendFile(req, res, shell, st);
        return;
      }
      if (!(await checkReal(realRoot, found.file))) throw new HttpError(404, 'Not Found');
      await sendFile(req, res, found.file, found.stat);
    } catch (err) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (err instanceof HttpError) {
        sendText(req, res, err.status, err.message, err.headers);
      } else {
        console.error('serve: internal error', err);
        sendText(req, res, 500, 'Internal Server Error');
      }
    }
  };
}

/**
 * Precompress `root`, then start serving it.
 * Resolves to the listening `http.Server` (use `server.address().port`).
 */
export async function startServer({
  root = 'dist',
  port = 8080,
  host = '127.0.0.1',
  cors = false,
  base = '/',
  verbose = false,
  precompress: doPrecompress = true,
} = {}) {
  const absRoot = path.resolve(root);
  const st = await statOrNull(absRoot);
  if (!st?.isDirectory()) throw new Error(`root is not a directory: ${absRoot}`);
  const realRoot = await fsp.realpath(absRoot);
  const normBase = normalizeBase(base);
  const baseSegs = normBase.split('/').filter(Boolean);

  if (doPrecompress) await precompress(absRoot);

  const handler = makeHandler({ root: absRoot, realRoot, cors: Boolean(cors), baseSegs });
  const server = http.createServer((req, res) => {
    if (verbose) {
      const t0 = process.hrtime.bigint();
      res.once('close', () => {
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        const enc = res.getHeader('Content-Encoding') ?? '-';
        console.log(`${req.method} ${req.url} ${res.statusCode} ${enc} ${ms.toFixed(1)}ms`);
      });
    }
    handler(req, res);
  });
  server.kiosque = { root: absRoot, base: normBase };

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(port), host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

// ---------------------------------------------------------------------------
// CLI

const USAGE = `Usage: node scripts/serve.mjs [options]

Serves a built Kiosque site the way its CDN does (see docs/deploy.md).

Options:
  --root DIR      the built site (default: dist)
  --port N        port, 0 for a free one (default: $PORT, else 8080)
  --host ADDR     address to listen on (default: 127.0.0.1)
  --base /SUB/    the sub-path the site is deployed under (default: /)
  --cors          send Access-Control-Allow-Origin: * and answer preflights
  -v, --verbose   log every request
  -h, --help      show this help`;

function parseCommandLine() {
  // PORT: the default of platforms that pick the port for the process.
  const envPort = process.env.PORT !== undefined && process.env.PORT !== '' ? process.env.PORT : '8080';
  return parseCli({
    name: 'serve',
    usage: USAGE,
    options: {
      root: { type: 'string', default: 'dist' },
      port: { type: 'string', default: envPort },
      host: { type: 'string', default: '127.0.0.1' },
      base: { type: 'string', default: '/' },
      cors: { type: 'boolean', default: false },
      verbose: { type: 'boolean', short: 'v', default: false },
    },
    build: (v) => ({ ...v, port: int(v.port, '--port', { max: 65535 }) }),
  });
}

async function main() {
  const opts = parseCommandLine();
  let server;
  try {
    server = await startServer(opts);
  } catch (err) {
    console.error(`serve: ${err.message}`);
    process.exit(1);
  }
  const { port } = server.address();
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  console.log(`Serving ${server.kiosque.root} on http://${host}:${port}${server.kiosque.base}`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close(() => process.exit(0));
    server.closeAllConnections?.();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function isMain() {
  if (!process.argv[1]) return false;
  try {
    return fs.realpathSync(process.argv[1]) === fs.realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) main();
