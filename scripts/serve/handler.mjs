// Request handling: the request target becomes a file (or the SPA shell),
// then the best representation is sent with the CDN's headers.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { EXT_RE, ALLOW, contentTypeFor, cacheControlFor, isCompressible, acceptedEncodings, etagFor, etagMatches, statOrNull, isInside } from './rules.mjs';

export class HttpError extends Error {
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
export function parseTarget(rawUrl, baseSegs) {
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
export async function resolveFile(root, segs, trailingSlash) {
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

export async function checkReal(realRoot, file) {
  try {
    return isInside(realRoot, await fsp.realpath(file));
  } catch {
    return false;
  }
}

/** Pick the encoded representation to send: { file, stat, encoding|null }. */
export async function pickRepresentation(file, stat, acceptEncoding) {
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

export function sendText(req, res, status, text, headers = {}) {
  const body = Buffer.from(`${text}\n`);
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': body.length,
    'Cache-Control': 'no-cache',
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

export async function sendFile(req, res, file, stat) {
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

export function makeHandler({ root, realRoot, cors, baseSegs }) {
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
