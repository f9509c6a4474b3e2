// The CDN's rules that every part of the server shares: content types, cache
// lifetimes, what is compressed and which encoding a request accepts, ETags,
// base paths, root containment.
import fsp from 'node:fs/promises';
import path from 'node:path';

// ---------------------------------------------------------------------------
// Static tables

export const CONTENT_TYPES = {
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

export const COMPRESSIBLE = new Set([
  '.html', '.js', '.mjs', '.css', '.json', '.svg', '.wasm', '.xml', '.txt', '.map', '.webmanifest',
]);

export const MIN_COMPRESS_SIZE = 256;
export const LARGE_FILE = 2 * 1024 * 1024;

// Precompressed variants, in order of preference.
export const ENCODINGS = [
  { name: 'br', ext: '.br' },
  { name: 'gzip', ext: '.gz' },
];

// trunk content hash: `name-<hash>.ext` or `name-<hash>_bg.wasm`, the hash a
// u64 in hex without leading zeros: 16 digits, fewer 1 time in 16.
export const HASHED_RE = /-[0-9a-f]{12,16}(?:_bg)?\.[^./]+$/;
// A "file extension" for routing purposes (SPA fallback only for extension-less paths).
export const EXT_RE = /\.[A-Za-z0-9]+$/;

export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
export const CACHE_HTML = 'no-cache';
export const CACHE_DEFAULT = 'public, max-age=0, must-revalidate';

export const ALLOW = 'GET, HEAD';

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

export function isCompressible(file) {
  return COMPRESSIBLE.has(path.extname(file).toLowerCase());
}

/** Normalise a base path to `/`, or `/a/b/`. */
export function normalizeBase(base) {
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

export function etagFor(stat, encoding) {
  const tag = `${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}`;
  return encoding ? `"${tag}-${encoding}"` : `"${tag}"`;
}

export function etagMatches(header, etag) {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v.replace(/^W\//, '') === bare;
  });
}

export async function statOrNull(p) {
  try {
    return await fsp.stat(p);
  } catch {
    return null;
  }
}

export function isInside(root, p) {
  return p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}
